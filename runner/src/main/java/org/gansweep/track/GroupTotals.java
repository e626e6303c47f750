package org.gansweep.track;

import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One group's totals as its MLflow group run shows them: the values that define the group, the success
 * count with its Wilson 95% interval, the median steps to converge (empty when fewer than half converged),
 * and the outcome counts by label. Built by the caller from the report, so tracking needs no statistics.
 */
public record GroupTotals(String groupKey, SortedMap<String, Object> parameters, int runs, int successes,
                          double ciLow, double ciHigh, OptionalDouble medianStepsToConverge,
                          SortedMap<String, Integer> outcomes) {
    public GroupTotals {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        outcomes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
    }

    public double successRate() {
        return runs == 0 ? 0 : (double) successes / runs;
    }

    /** "noise_samples=4 weight_noise=1.5", or "all runs" when nothing varies. */
    public String label() {
        return RunContent.describe(parameters);
    }
}
