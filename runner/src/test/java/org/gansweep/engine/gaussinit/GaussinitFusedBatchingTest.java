package org.gansweep.engine.gaussinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On the fused kernel a run is a pure function of its config and seed: alone, inside a batch of runs with
 * other tricks and tracker settings, split into chunks of any size, on one thread or two, bit for bit.
 */
class GaussinitFusedBatchingTest {
    static PlannedRun run(long seed, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("steps", 20L, "log_every", 5L, "batch_size", 16L,
                "eval_samples", 300L, "measure_samples", 500L));
        config.putAll(more);
        return ConfigRuns.of("gaussinit", seed, config);
    }

    static List<RunResult> fused(List<PlannedRun> runs, Precision precision, int threads, int chunk) {
        return GaussinitFusedTrainer.train(runs, precision, threads, chunk, RunListener.NONE);
    }

    static void assertSameResult(RunResult expected, RunResult actual, String what) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size(), what);
        for (int row = 0; row < expected.trajectory().size(); row++) {
            assertArrayEquals(expected.trajectory().row(row), actual.trajectory().row(row), 0.0, what + " row " + row);
        }
        assertEquals(expected.finalMetrics(), actual.finalMetrics(), what);
        assertEquals(expected.outcome(), actual.outcome(), what);
        assertEquals(expected.stepsToConverge(), actual.stepsToConverge(), what);
        assertEquals(expected.divergedAtStep(), actual.divergedAtStep(), what);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void runAloneEqualsTheSameRunInsideABatchOnAnyThreadsAndChunks(Precision precision) {
        List<PlannedRun> runs = List.of(run(1, Map.of()),
                run(2, Map.of("init", "xavier", "success_tol", 0.5, "hold_fraction", 0.5)),
                run(3, Map.of("easing", 0.1, "fake_weight", 0.5, "real_weight", 1.2)),
                run(1, Map.of("lr_g", 0.01, "d_weight_decay", 0.01, "g_weight_decay", 0.001)),
                run(5, Map.of("weight_noise", 0.5, "instance_noise", 0.1, "r1_gamma", 1.0)),
                // G's output bias starts at MU = (2, 4): beyond this bound at the first check, so frozen at step 5.
                run(6, Map.of("diverge_bound", 3.0, "instance_noise", 0.3)),
                run(7, Map.of("init", "xavier", "r1_gamma", 10.0, "success_tol", 0.3, "alpha", 0.5,
                        "hold_fraction", 1.0)));
        List<RunResult> together = fused(runs, precision, 1, 256);
        assertEquals(Outcome.DIVERGED, together.get(5).outcome());
        assertEquals(5, together.get(0).trajectory().size()); // steps 0, 5, 10, 15, 20
        for (int i = 0; i < runs.size(); i++) {
            assertSameResult(together.get(i), fused(List.of(runs.get(i)), precision, 1, 256).get(0), "alone " + i);
        }
        int[][] threadsAndChunks = {{2, 256}, {2, 3}, {1, 1}, {2, 2}};
        for (int[] tc : threadsAndChunks) {
            List<RunResult> split = fused(runs, precision, tc[0], tc[1]);
            for (int i = 0; i < runs.size(); i++) {
                assertSameResult(together.get(i), split.get(i), "threads " + tc[0] + " chunk " + tc[1] + " run " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void withThreeNoisyCopiesOfGARunAloneEqualsTheSameRunInsideABatch(Precision precision) {
        Map<String, Object> copies = Map.of("noise_samples", 3L);
        List<PlannedRun> runs = List.of(run(7, Map.of("noise_samples", 3L, "weight_noise", 1.5)),
                run(8, copies), run(9, Map.of("noise_samples", 3L, "weight_noise", 0.5, "instance_noise", 0.3)));
        List<RunResult> together = fused(runs, precision, 2, 2);
        for (int i = 0; i < runs.size(); i++) {
            assertSameResult(together.get(i), fused(List.of(runs.get(i)), precision, 1, 256).get(0), "run " + i);
        }
    }
}
