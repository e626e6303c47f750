package org.gansweep.track;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gansweep.plan.RunKey;

/**
 * One group's totals as its MLflow group run shows them: the values that define the group, the success
 * count with its Wilson 95% interval, the median steps to converge (empty when fewer than half converged),
 * the outcome counts by label, and the group's complete runs (whose trajectories make its bands). Built by
 * the caller from the report, so tracking needs no statistics. Immutable.
 */
public record GroupTotals(String groupKey, SortedMap<String, Object> parameters, int runs, int successes,
                          double ciLow, double ciHigh, OptionalDouble medianStepsToConverge,
                          SortedMap<String, Integer> outcomes, List<RunKey> members) {
    public GroupTotals {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        outcomes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
        members = List.copyOf(members);
    }

    public double successRate() {
        return runs == 0 ? 0 : (double) successes / runs;
    }

    /**
     * The totals as metrics at step = runs counted: n, successes, success_rate, ci_low, ci_high,
     * median_steps_to_converge (when known) and one outcome_<label> count per outcome.
     */
    public List<MetricPoint> metrics(long timestamp) {
        List<MetricPoint> metrics = new java.util.ArrayList<>();
        metrics.add(new MetricPoint("n", runs, timestamp, runs));
        metrics.add(new MetricPoint("successes", successes, timestamp, runs));
        metrics.add(new MetricPoint("success_rate", successRate(), timestamp, runs));
        metrics.add(new MetricPoint("ci_low", ciLow, timestamp, runs));
        metrics.add(new MetricPoint("ci_high", ciHigh, timestamp, runs));
        medianStepsToConverge.ifPresent(m -> metrics.add(new MetricPoint("median_steps_to_converge", m, timestamp, runs)));
        outcomes.forEach((label, count) -> metrics.add(new MetricPoint("outcome_" + label, count, timestamp, runs)));
        return metrics;
    }

    /** "noise_samples=4 weight_noise=1.5", or "all runs" when nothing varies. */
    public String label() {
        if (parameters.isEmpty()) {
            return "all runs";
        }
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
