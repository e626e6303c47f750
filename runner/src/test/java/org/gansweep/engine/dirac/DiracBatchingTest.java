package org.gansweep.engine.dirac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run is a pure function of its config and seed: alone or in a batch, beside a diverging run or not, on
 * either kernel.
 */
class DiracBatchingTest {
    private static PlannedRun run(long seed, Map<String, Object> more) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("loss", "gan", "reg", "instance_noise",
                "update", "alternating", "d_steps", 2L, "steps", 60L, "log_every", 7L, "noise_draws", 50L));
        config.putAll(more);
        return ConfigRuns.of("dirac", seed, config);
    }

    private static List<PlannedRun> mixedRuns() {
        return List.of(run(1, Map.of()), run(2, Map.of("instance_noise", 0.3)), run(3, Map.of("lr_d", 0.05)),
                run(1, Map.of("theta0", -0.5, "psi0", 2.0)));
    }

    private static List<RunResult> train(DiracExperiment kernel, List<PlannedRun> runs, Precision precision) {
        return kernel.train(runs, precision, RunListener.NONE);
    }

    private static void assertSameRun(RunResult expected, RunResult actual) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertArrayEquals(expected.trajectory().row(i), actual.trajectory().row(i), 0.0, "row " + i);
        }
        assertEquals(expected.outcome(), actual.outcome());
    }

    @ParameterizedTest
    @MethodSource("org.gansweep.engine.dirac.DiracKernels#bothInEachPrecision")
    void runAloneEqualsTheSameRunInsideABatchBitForBit(DiracExperiment kernel, Precision precision) {
        List<PlannedRun> runs = mixedRuns();
        List<RunResult> together = train(kernel, runs, precision);
        for (int r = 0; r < runs.size(); r++) {
            assertSameRun(train(kernel, List.of(runs.get(r)), precision).get(0), together.get(r));
        }
        // Another seed draws other instance noise, so the seed really reaches the draws.
        assertNotEquals(together.get(0).finalMetrics().get("r"),
                train(kernel, List.of(run(9, Map.of())), precision).get(0).finalMetrics().get("r"));
    }

    @ParameterizedTest
    @MethodSource("org.gansweep.engine.dirac.DiracKernels#bothInEachPrecision")
    void aDivergingRunIsFrozenAndLeavesEveryOtherRunBitwiseUnchanged(DiracExperiment kernel, Precision precision) {
        List<PlannedRun> healthy = mixedRuns();
        List<PlannedRun> withBad = new ArrayList<>(healthy);
        withBad.add(1, run(5, Map.of("lr_g", 1e4, "lr_d", 1e4)));
        List<RunResult> clean = train(kernel, healthy, precision);
        List<RunResult> mixed = new ArrayList<>(train(kernel, withBad, precision));
        RunResult bad = mixed.remove(1);
        assertEquals(Outcome.DIVERGED, bad.outcome());
        assertEquals(1L, bad.divergedAtStep().getAsLong());
        for (int r = 0; r < clean.size(); r++) {
            assertSameRun(clean.get(r), mixed.get(r));
        }
    }
}
