package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On the fused kernel a run is a pure function of its config and seed: alone on one thread, or inside a
 * crowd split into chunks of any size on two threads, beside runs whose tricks, optimizer settings and
 * tracker settings differ and beside a run that diverges, it gets the same bits, in float and double.
 */
class Linear2dFusedBatchingTest {
    private static PlannedRun run(long seed, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("epochs", 4L, "data_points", 48L, "log_every", 5L));
        config.putAll(more);
        return ConfigRuns.of("linear2d", seed, config);
    }

    /** Runs that differ in every per-run parameter: tricks, optimizer settings, init, tracker settings. */
    private static List<PlannedRun> mixed(Map<String, Object> shape) {
        List<Map<String, Object>> configs = List.of(Map.of(), Map.of("easing", 0.1, "success_cov_tol", 0.9),
                Map.of("easing", 0.2, "easing_one_sided", true, "instance_noise", 0.3, "success_mean_tol", 5.0),
                Map.of("lr_d", 0.01, "d_weight_decay", 0.01, "g_weight_decay", 0.03, "adam_beta1", 0.5),
                Map.of("real_weight", 0.7, "fake_weight", 0.5, "init_std", 0.3, "adam_beta2", 0.99),
                Map.of("weight_noise", 0.5, "r1_gamma", 1.0, "momentum", 0.5, "success_cov_tol", 2.0,
                        "success_mean_tol", 3.0),
                Map.of("r1_gamma", 0.2, "instance_noise", 0.1, "adam_eps", 1e-4),
                // Diverges (beyond its small bound) within the first steps, and is frozen.
                Map.of("lr_g", 50.0, "init_std", 1.0, "diverge_bound", 1.5));
        List<PlannedRun> runs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Map<String, Object> config = new HashMap<>(configs.get(i));
            config.putAll(shape);
            runs.add(run(1 + i % 5, config));
        }
        return runs;
    }

    private static List<RunResult> train(List<PlannedRun> runs, Precision precision, int threads, int chunk) {
        return Linear2dFusedTrainer.train(runs, precision, threads, chunk, RunListener.NONE);
    }

    private static void assertSameRun(RunResult expected, RunResult actual) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertArrayEquals(expected.trajectory().row(i), actual.trajectory().row(i), 0.0, "row " + i);
        }
        assertEquals(expected.outcome(), actual.outcome());
        assertEquals(expected.stepsToConverge(), actual.stepsToConverge());
        assertEquals(expected.divergedAtStep(), actual.divergedAtStep());
        assertEquals(expected.finalMetrics(), actual.finalMetrics());
    }

    /** mine inside a crowd of other runs: alone (1 thread) equals every chunking on two threads. */
    private static void assertAloneEqualsCrowd(List<PlannedRun> mine, Precision precision) {
        List<PlannedRun> crowd = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            Map<String, Object> config = new HashMap<>(mine.get(0).config().values());
            config.put("lr_g", 0.002 + i * 1e-4);
            crowd.add(ConfigRuns.of("linear2d", 100 + i, config));
        }
        crowd.addAll(9, mine);
        List<List<RunResult>> together = List.of(train(crowd, precision, 2, 3), train(crowd, precision, 2, 256),
                train(crowd, precision, 1, 7));
        for (int r = 0; r < mine.size(); r++) {
            RunResult alone = train(List.of(mine.get(r)), precision, 1, 256).get(0);
            for (List<RunResult> results : together) {
                assertSameRun(alone, results.get(9 + r));
            }
        }
        assertEquals(Outcome.DIVERGED, together.get(0).get(9 + mine.size() - 1).outcome());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aRunAloneEqualsItselfInAnyChunkingOnAnyThreadsBitForBit(Precision precision) {
        assertAloneEqualsCrowd(mixed(Map.of()), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void withThreeNoisyCopiesOfGARunAloneEqualsItselfInACrowd(Precision precision) {
        assertAloneEqualsCrowd(mixed(Map.of("noise_samples", 3L, "optimizer", "sgd_momentum")), precision);
    }
}
