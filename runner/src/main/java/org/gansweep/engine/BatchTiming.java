package org.gansweep.engine;

/**
 * How long the batch a run trained in took, and how many runs shared it. Wall time belongs to the whole
 * batch: runs trained together share one tensor program, so there is no honest per-run time. Immutable.
 */
public record BatchTiming(double wallSeconds, int runsInBatch, long stepsPerRun) {
    public double runStepsPerSecond() {
        return wallSeconds > 0 ? runsInBatch * (double) stepsPerRun / wallSeconds : Double.NaN;
    }
}
