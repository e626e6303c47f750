package org.gansweep.track;

/** One metric value as MLflow stores it: key, value, when it was logged (ms) and the training step. */
public record MetricPoint(String key, double value, long timestamp, long step) {
    public MetricPoint {
        if (!Double.isFinite(value)) {
            // MLflow's JSON would carry NaN or Infinity, which strict parsers refuse; callers leave them out.
            throw new IllegalArgumentException(key + " at step " + step + ": not finite (" + value + ")");
        }
    }
}
