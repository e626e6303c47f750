package org.gansweep.record;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKey;

/**
 * A completed run as the results store keeps it: what was planned (key, config, seed), what came out
 * (outcome, convergence, final metrics) and the provenance of how it ran. This is what reports read; it
 * holds no trajectory (that stays in trajectory.csv). Immutable.
 */
public record RunRecord(RunKey key, GroupKey group, String experiment, ResolvedConfig config, long seed,
                        Outcome outcome, OptionalLong stepsToConverge, long steps,
                        OptionalLong divergedAtStep, Map<String, Double> finalMetrics, Provenance provenance) {
    public RunRecord {
        finalMetrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(finalMetrics));
    }

    /** The record of a run just trained: equal to what {@link ResultStore#readRun} reads back once written. */
    public static RunRecord of(org.gansweep.engine.RunResult result, Provenance provenance) {
        org.gansweep.plan.PlannedRun run = result.run();
        return new RunRecord(run.key(), run.group(), run.experiment(), run.config(), run.seed(), result.outcome(),
                result.stepsToConverge(), result.steps(), result.divergedAtStep(), result.finalMetrics(), provenance);
    }

    /** The same record with another config (the same run's, completed). */
    public RunRecord withConfig(org.gansweep.plan.ResolvedConfig other) {
        return new RunRecord(key, group, experiment, other, seed, outcome, stepsToConverge, steps, divergedAtStep,
                finalMetrics, provenance);
    }

    public boolean success() {
        return outcome == Outcome.CONVERGED;
    }

    public Optional<Double> finalMetric(String name) {
        return Optional.ofNullable(finalMetrics.get(name));
    }
}
