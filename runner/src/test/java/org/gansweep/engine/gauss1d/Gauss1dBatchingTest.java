package org.gansweep.engine.gauss1d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A run is a pure function of its config and seed: alone or inside a batch of others, bit for bit. */
class Gauss1dBatchingTest {
    private static PlannedRun run(String variant, long seed, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("variant", variant, "epochs", 6L, "d_steps", 2L,
                "g_steps", 2L, "minibatch", 24L, "log_every", 2L, "eval_samples", 400L));
        if (variant.equals("v2017")) {
            config.putAll(Map.of("optimizer", "adam", "lr_d", 0.0002, "lr_g", 0.0002));
        }
        config.putAll(more);
        return ConfigRuns.of("gauss1d", seed, config);
    }

    private static List<RunResult> train(List<PlannedRun> runs, Precision precision) {
        return new Gauss1dExperiment().train(runs, precision, RunListener.NONE);
    }

    @ParameterizedTest
    @CsvSource({"v2018, FLOAT", "v2018, DOUBLE", "v2017, FLOAT", "v2017, DOUBLE"})
    void runAloneEqualsTheSameRunInsideABatchBitForBit(String variant, Precision precision) {
        List<PlannedRun> runs = List.of(run(variant, 1, Map.of()), run(variant, 2, Map.of("easing", 0.1)),
                run(variant, 3, Map.of("fake_weight", 0.5, "d_weight_decay", 0.01)),
                run(variant, 4, Map.of("lr_g", 0.01)), run(variant, 1, Map.of("real_weight", 0.7)),
                run(variant, 5, Map.of("weight_noise", 0.5, "instance_noise", 0.2, "r1_gamma", 1.0)));
        List<RunResult> together = train(runs, precision);
        for (int i = 0; i < runs.size(); i++) {
            RunResult alone = train(List.of(runs.get(i)), precision).get(0);
            RunResult inBatch = together.get(i);
            assertEquals(alone.trajectory().size(), inBatch.trajectory().size());
            for (int row = 0; row < alone.trajectory().size(); row++) {
                assertArrayEquals(alone.trajectory().row(row), inBatch.trajectory().row(row), 0.0,
                        variant + " run " + i + " row " + row);
            }
            assertEquals(alone.histogram().get().rows().size(), inBatch.histogram().get().rows().size());
            for (int row = 0; row < alone.histogram().get().rows().size(); row++) {
                assertArrayEquals(alone.histogram().get().row(row), inBatch.histogram().get().row(row), 0.0,
                        variant + " run " + i + " histogram row " + row);
            }
            assertEquals(alone.outcome(), inBatch.outcome());
            assertEquals(alone.finalMetrics(), inBatch.finalMetrics());
        }
        // Epochs 0, 2, 4, 6: the measurement at the start and at every log step.
        assertEquals(4, together.get(0).trajectory().size());
    }

    @ParameterizedTest
    @CsvSource({"v2018, FLOAT", "v2017, DOUBLE"})
    void withTwoNoisyCopiesOfGARunAloneEqualsTheSameRunInsideABatch(String variant, Precision precision) {
        List<PlannedRun> runs = List.of(run(variant, 6, Map.of("noise_samples", 2L, "weight_noise", 1.5)),
                run(variant, 7, Map.of("noise_samples", 2L)),
                run(variant, 8, Map.of("noise_samples", 2L, "weight_noise", 0.5, "instance_noise", 0.3)));
        List<RunResult> together = train(runs, precision);
        for (int i = 0; i < runs.size(); i++) {
            RunResult alone = train(List.of(runs.get(i)), precision).get(0);
            for (int row = 0; row < alone.trajectory().size(); row++) {
                assertArrayEquals(alone.trajectory().row(row), together.get(i).trajectory().row(row), 0.0,
                        variant + " run " + i + " row " + row);
            }
        }
    }
}
