package org.gansweep.engine.gauss1d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the Java kernel a run is a pure function of its config and seed: alone, inside a batch of runs whose
 * tricks and tracker settings differ, on one thread or two, in chunks of any size, bit for bit. One run
 * diverges (a tiny diverge_bound) and is frozen without touching the others.
 */
class Gauss1dFusedBatchingTest {
    private static List<PlannedRun> runs(String variant) {
        return List.of(Gauss1dFusedTest.run(variant, 1, Map.of()),
                Gauss1dFusedTest.run(variant, 2, Map.of("easing", 0.1, "success_mean_tol", 0.5)),
                Gauss1dFusedTest.run(variant, 3, Map.of("fake_weight", 0.5, "d_weight_decay", 0.01,
                        "data_mean", 2.0, "data_std", 0.5)),
                Gauss1dFusedTest.run(variant, 1, Map.of("real_weight", 0.7, "g_weight_decay", 0.01,
                        "success_std_tol", 2.0)),
                Gauss1dFusedTest.run(variant, 5, Map.of("weight_noise", 0.5, "instance_noise", 0.2, "r1_gamma", 1.0)),
                Gauss1dFusedTest.run(variant, 6, Map.of("diverge_bound", 0.3, "lr_g", 0.01)));
    }

    private static List<RunResult> train(List<PlannedRun> runs, Precision precision, int threads, int chunk) {
        return Gauss1dFusedTrainer.train(runs, precision, threads, chunk, RunListener.NONE);
    }

    @ParameterizedTest
    @CsvSource({"v2018, FLOAT", "v2018, DOUBLE", "v2017, FLOAT", "v2017, DOUBLE"})
    void aRunAloneEqualsItselfInAnyBatchChunkAndThreadCountBitForBit(String variant, Precision precision) {
        List<PlannedRun> runs = runs(variant);
        List<RunResult> together = train(runs, precision, 1, 256);
        List<List<RunResult>> others = List.of(train(runs, precision, 2, 256), train(runs, precision, 2, 2),
                train(runs, precision, 1, 4));
        for (int i = 0; i < runs.size(); i++) {
            RunResult alone = train(List.of(runs.get(i)), precision, 1, 256).get(0);
            assertSame(alone, together.get(i), variant + " run " + i);
            for (List<RunResult> other : others) {
                assertSame(alone, other.get(i), variant + " run " + i);
            }
        }
        assertEquals(Outcome.DIVERGED, together.get(5).outcome());
        assertEquals(4, together.get(0).trajectory().size());
    }

    private static void assertSame(RunResult expected, RunResult actual, String what) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size(), what);
        for (int row = 0; row < expected.trajectory().size(); row++) {
            assertArrayEquals(expected.trajectory().row(row), actual.trajectory().row(row), 0.0, what + " row " + row);
        }
        assertEquals(expected.histogram().get().rows().size(), actual.histogram().get().rows().size(), what);
        for (int row = 0; row < expected.histogram().get().rows().size(); row++) {
            assertArrayEquals(expected.histogram().get().row(row), actual.histogram().get().row(row), 0.0,
                    what + " histogram row " + row);
        }
        assertEquals(expected.outcome(), actual.outcome(), what);
        assertEquals(expected.stepsToConverge(), actual.stepsToConverge(), what);
        assertEquals(expected.divergedAtStep(), actual.divergedAtStep(), what);
        assertEquals(expected.finalMetrics(), actual.finalMetrics(), what);
    }
}
