package org.gansweep.report;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.plan.GroupKey;

/**
 * One group of runs (one config, many seeds): how often it succeeded, with an honest interval, how fast it
 * converged, and how the others failed. {@code medianStepsToConverge} is empty when fewer than half the
 * runs converged; {@code censoredAt} is then the step count to print as ">N". {@code stepsToConverge} holds
 * the step each converged run converged at, in the order the runs were read. Immutable.
 */
public record GroupSummary(GroupKey group, SortedMap<String, Object> parameters, int runs, int successes,
                           ConfidenceInterval interval, OptionalDouble medianStepsToConverge, long censoredAt,
                           Map<Outcome, Integer> outcomes, SortedMap<String, Double> medianFinal,
                           List<Long> stepsToConverge) {
    public GroupSummary {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        outcomes = Map.copyOf(outcomes);
        medianFinal = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(medianFinal));
        stepsToConverge = List.copyOf(stepsToConverge);
    }

    public double successRate() {
        return (double) successes / runs;
    }

    public int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
