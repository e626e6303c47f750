package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run is a pure function of its config and seed: alone or in a batch, beside a diverging run or not. */
class Linear2dBatchingTest {
    private static PlannedRun run(long seed, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("epochs", 3L, "data_points", 48L, "log_every", 5L));
        config.putAll(more);
        return ConfigRuns.of("linear2d", seed, config);
    }

    private static List<PlannedRun> mixedRuns() {
        return List.of(run(1, Map.of()), run(2, Map.of("easing", 0.1)), run(3, Map.of("instance_noise", 0.3)),
                run(4, Map.of("lr_d", 0.01, "d_weight_decay", 0.01)), run(1, Map.of("fake_weight", 0.5)),
                run(5, Map.of("weight_noise", 0.5, "r1_gamma", 1.0)));
    }

    private static List<RunResult> train(List<PlannedRun> runs, Precision precision) {
        return new Linear2dExperiment().train(runs, precision, RunListener.NONE);
    }

    private static void assertSameRun(RunResult expected, RunResult actual) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertArrayEquals(expected.trajectory().row(i), actual.trajectory().row(i), 0.0, "row " + i);
        }
        assertEquals(expected.outcome(), actual.outcome());
        assertEquals(expected.finalMetrics(), actual.finalMetrics());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void runAloneEqualsTheSameRunInsideABatchBitForBit(Precision precision) {
        List<PlannedRun> runs = mixedRuns();
        List<RunResult> together = train(runs, precision);
        for (int r = 0; r < runs.size(); r++) {
            assertSameRun(train(List.of(runs.get(r)), precision).get(0), together.get(r));
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void withThreeNoisyCopiesOfGARunAloneEqualsTheSameRunInsideABatch(Precision precision) {
        List<PlannedRun> runs = List.of(run(6, Map.of("noise_samples", 3L, "weight_noise", 0.5)),
                run(7, Map.of("noise_samples", 3L)),
                run(8, Map.of("noise_samples", 3L, "weight_noise", 1.0, "instance_noise", 0.2)));
        List<RunResult> together = train(runs, precision);
        for (int r = 0; r < runs.size(); r++) {
            assertSameRun(train(List.of(runs.get(r)), precision).get(0), together.get(r));
        }
    }

    @Test
    void aDivergingRunIsFrozenAndLeavesEveryOtherRunBitwiseUnchanged() {
        List<PlannedRun> healthy = mixedRuns();
        List<PlannedRun> withBad = new ArrayList<>(healthy);
        withBad.add(2, run(9, Map.of("optimizer", "sgd", "lr_g", 1e5, "init_std", 1.0, "diverge_bound", 10.0)));
        List<RunResult> clean = train(healthy, Precision.FLOAT);
        List<RunResult> mixed = new ArrayList<>(train(withBad, Precision.FLOAT));
        RunResult bad = mixed.remove(2);
        assertEquals(Outcome.DIVERGED, bad.outcome());
        assertTrue(bad.divergedAtStep().isPresent());
        for (int r = 0; r < clean.size(); r++) {
            assertSameRun(clean.get(r), mixed.get(r));
        }
    }
}
