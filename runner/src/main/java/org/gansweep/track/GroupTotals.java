package org.gansweep.track;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gansweep.plan.RunKey;

/**
 * One group's totals as its MLflow group run shows them: the values that define the group, the success
 * count with its Wilson 95% interval, the median steps to converge (empty when fewer than half converged),
 * the outcome counts by label, the group's complete runs (whose trajectories make its bands), and how it
 * compares with the sweep's reference group ({@code reference} true on the reference itself; both empty and
 * false when the sweep compares nothing). Built by the caller from the report, so tracking needs no
 * statistics. Immutable.
 */
public record GroupTotals(String groupKey, SortedMap<String, Object> parameters, int runs, int successes,
                          double ciLow, double ciHigh, OptionalDouble medianStepsToConverge,
                          SortedMap<String, Integer> outcomes, List<RunKey> members,
                          Optional<VersusReference> versusReference, boolean reference) {
    public GroupTotals {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        outcomes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
        members = List.copyOf(members);
        if (reference && versusReference.isPresent()) {
            throw new IllegalArgumentException("the reference group is not compared with itself");
        }
    }

    public double successRate() {
        return runs == 0 ? 0 : (double) successes / runs;
    }

    /**
     * The totals as metrics at step = runs counted: n, successes, success_rate, ci_low, ci_high,
     * median_steps_to_converge (when known), one outcome_<label> count per outcome, and the comparison with
     * the reference group (see {@link VersusReference#metrics}).
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
        versusReference.ifPresent(v -> metrics.addAll(v.metrics(timestamp, runs)));
        return metrics;
    }

    /**
     * The verdict against the reference group as a tag, not a param: it changes as runs come in, and MLflow
     * refuses to change a logged param. None when the sweep compares nothing.
     */
    List<KeyValue> tags() {
        if (reference) {
            return List.of(new KeyValue(VersusReference.VERDICT_TAG, VersusReference.REFERENCE));
        }
        return versusReference.map(v -> List.of(new KeyValue(VersusReference.VERDICT_TAG, v.verdict())))
                .orElse(List.of());
    }

    /** "noise_samples=4 weight_noise=1.5", or "all runs" when nothing varies. */
    public String label() {
        if (parameters.isEmpty()) {
            return "all runs";
        }
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
