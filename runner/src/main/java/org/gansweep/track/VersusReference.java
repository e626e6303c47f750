package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group against the sweep's reference group, as its MLflow group run shows it: the difference in success
 * rate (group minus reference) with its 95% interval, Fisher's p-value raw and Holm-adjusted, the verdict, and
 * the difference in median steps to converge with its 95% interval (empty when either group has no converged
 * run). Built by the caller from the report, so tracking needs no statistics. Immutable.
 */
public record VersusReference(String verdict, double difference, double differenceLow, double differenceHigh,
                              double pValue, double adjustedPValue, Optional<Steps> steps) {
    /** The tag that holds the verdict; "reference" on the reference group's own run. */
    static final String VERDICT_TAG = "vs_ref_verdict";
    static final String REFERENCE = "reference";

    /** Difference in median steps to converge, group minus reference, with its bootstrap 95% interval. */
    public record Steps(double difference, double low, double high) {
    }

    /** vs_ref_diff, _lo, _hi, vs_ref_p, vs_ref_p_holm and, when known, vs_ref_steps_diff, _lo, _hi. */
    List<MetricPoint> metrics(long timestamp, long step) {
        List<MetricPoint> metrics = new ArrayList<>(List.of(new MetricPoint("vs_ref_diff", difference, timestamp, step),
                new MetricPoint("vs_ref_diff_lo", differenceLow, timestamp, step),
                new MetricPoint("vs_ref_diff_hi", differenceHigh, timestamp, step),
                new MetricPoint("vs_ref_p", pValue, timestamp, step),
                new MetricPoint("vs_ref_p_holm", adjustedPValue, timestamp, step)));
        steps.ifPresent(s -> metrics.addAll(List.of(new MetricPoint("vs_ref_steps_diff", s.difference(), timestamp, step),
                new MetricPoint("vs_ref_steps_lo", s.low(), timestamp, step),
                new MetricPoint("vs_ref_steps_hi", s.high(), timestamp, step))));
        return metrics;
    }
}
