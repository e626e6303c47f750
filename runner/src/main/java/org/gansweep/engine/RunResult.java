package org.gansweep.engine;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.gansweep.plan.PlannedRun;

/**
 * What training one run produced: its outcome, when it converged, its final metrics and trajectory.
 * {@code stepsToConverge} is empty when the run never converged (censored at {@code steps}).
 * {@code divergedAtStep} is set only for DIVERGED runs. {@code histogram}, for experiments whose G outputs one
 * number, holds the counts of G's measured outputs per bin at each log step (column 0 is the step, as in the
 * trajectory). Immutable.
 */
public record RunResult(PlannedRun run, Outcome outcome, OptionalLong stepsToConverge, long steps,
                        OptionalLong divergedAtStep, Map<String, Double> finalMetrics, Trajectory trajectory,
                        Optional<Trajectory> histogram) {
    /** A run without a histogram. */
    public RunResult(PlannedRun run, Outcome outcome, OptionalLong stepsToConverge, long steps,
                     OptionalLong divergedAtStep, Map<String, Double> finalMetrics, Trajectory trajectory) {
        this(run, outcome, stepsToConverge, steps, divergedAtStep, finalMetrics, trajectory, Optional.empty());
    }

    public RunResult {
        finalMetrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(finalMetrics));
        if (outcome == Outcome.CONVERGED && stepsToConverge.isEmpty()) {
            throw new IllegalArgumentException("a converged run needs steps_to_converge");
        }
    }

    public boolean success() {
        return outcome == Outcome.CONVERGED;
    }
}
