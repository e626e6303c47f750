package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * `optimizer: adamw` in every family that has weight decay, on every kernel: without decay it is Adam bit
 * for bit (its shrink factor is exactly 1); with decay it trains another run, and each run of a batch of
 * decays is the run alone, bit for bit.
 */
class AdamWFamiliesTest {
    /** A few log steps of each family (as EveryParameterBatchingTest's short runs). */
    private static final Map<String, Map<String, Object>> TINY = Map.of(
            "point", Map.of("steps", 8L, "log_every", 2L, "batch_size", 8L),
            "linear2d", Map.of("epochs", 2L, "data_points", 16L, "batch_size", 8L, "log_every", 2L),
            "gauss1d", Map.of("epochs", 6L, "d_steps", 1L, "g_steps", 1L, "minibatch", 16L, "log_every", 2L,
                    "eval_samples", 200L),
            "gaussinit", Map.of("steps", 8L, "log_every", 2L, "batch_size", 16L, "d_hidden", 4L,
                    "eval_samples", 200L, "measure_samples", 200L));

    private static PlannedRun run(String family, long seed, String optimizer, double decay) {
        Map<String, Object> overrides = new HashMap<>(TINY.get(family));
        overrides.put("optimizer", optimizer);
        overrides.put("d_weight_decay", decay);
        overrides.put("g_weight_decay", decay / 2);
        return ConfigRuns.of(family, seed, overrides);
    }

    @TestFactory
    Stream<DynamicTest> adamwIsAdamWithoutDecayAndBatchesLikeEveryOtherRun() {
        return Stream.of(Experiments.all(), Experiments.all(true, 1)).flatMap(kernels -> kernels.values().stream())
                .filter(experiment -> TINY.containsKey(experiment.name()))
                .map(experiment -> DynamicTest.dynamicTest(experiment.name() + " (" + experiment.kernel(Precision.FLOAT)
                        + ")", () -> check(experiment)));
    }

    private static void check(Experiment experiment) {
        String family = experiment.name();
        for (Precision precision : Precision.values()) {
            String what = family + " " + experiment.kernel(precision) + " " + precision.label();
            RunResult adam = experiment.train(List.of(run(family, 3, "adam", 0)), precision, RunListener.NONE).get(0);
            RunResult adamw = experiment.train(List.of(run(family, 3, "adamw", 0)), precision, RunListener.NONE).get(0);
            assertEquals(RunResultBits.lines(adam), RunResultBits.lines(adamw), what + ": adamw without decay");
            List<PlannedRun> runs = new ArrayList<>();
            for (double decay : new double[] {0, 0.1, 0.5}) {
                runs.add(run(family, 3, "adamw", decay));
            }
            List<RunResult> batched = experiment.train(runs, precision, RunListener.NONE);
            for (int i = 0; i < runs.size(); i++) {
                RunResult alone = experiment.train(List.of(runs.get(i)), precision, RunListener.NONE).get(0);
                RunResultBits.assertSame(alone, batched.get(i), what + ", decay run " + i);
            }
            assertFalse(RunResultBits.same(batched.get(0), batched.get(2)), what + ": decay 0.5 changed nothing");
        }
    }
}
