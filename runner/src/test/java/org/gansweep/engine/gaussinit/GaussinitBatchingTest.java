package org.gansweep.engine.gaussinit;

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
import org.junit.jupiter.params.provider.EnumSource;

/** A run is a pure function of its config and seed: alone or inside a batch of others, bit for bit. */
class GaussinitBatchingTest {
    private static PlannedRun run(long seed, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("steps", 20L, "log_every", 5L, "batch_size", 16L,
                "eval_samples", 300L, "measure_samples", 500L));
        config.putAll(more);
        return ConfigRuns.of("gaussinit", seed, config);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void runAloneEqualsTheSameRunInsideABatchBitForBit(Precision precision) {
        List<PlannedRun> runs = List.of(run(1, Map.of()), run(2, Map.of("init", "xavier")),
                run(3, Map.of("easing", 0.1, "fake_weight", 0.5)), run(1, Map.of("lr_g", 0.01, "d_weight_decay", 0.01)),
                run(5, Map.of("weight_noise", 0.5, "instance_noise", 0.1, "r1_gamma", 1.0)));
        GaussinitExperiment experiment = new GaussinitExperiment();
        List<RunResult> together = experiment.train(runs, precision, RunListener.NONE);
        for (int i = 0; i < runs.size(); i++) {
            RunResult alone = experiment.train(List.of(runs.get(i)), precision, RunListener.NONE).get(0);
            assertEquals(alone.trajectory().size(), together.get(i).trajectory().size());
            for (int row = 0; row < alone.trajectory().size(); row++) {
                assertArrayEquals(alone.trajectory().row(row), together.get(i).trajectory().row(row), 0.0,
                        "run " + i + " row " + row);
            }
            assertEquals(alone.finalMetrics(), together.get(i).finalMetrics());
        }
        assertEquals(5, together.get(0).trajectory().size()); // steps 0, 5, 10, 15, 20
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void withThreeNoisyCopiesOfGARunAloneEqualsTheSameRunInsideABatch(Precision precision) {
        Map<String, Object> copies = Map.of("noise_samples", 3L);
        List<PlannedRun> runs = List.of(run(7, Map.of("noise_samples", 3L, "weight_noise", 1.5)),
                run(8, copies), run(9, Map.of("noise_samples", 3L, "weight_noise", 0.5, "instance_noise", 0.3)));
        GaussinitExperiment experiment = new GaussinitExperiment();
        List<RunResult> together = experiment.train(runs, precision, RunListener.NONE);
        for (int i = 0; i < runs.size(); i++) {
            RunResult alone = experiment.train(List.of(runs.get(i)), precision, RunListener.NONE).get(0);
            for (int row = 0; row < alone.trajectory().size(); row++) {
                assertArrayEquals(alone.trajectory().row(row), together.get(i).trajectory().row(row), 0.0,
                        "run " + i + " row " + row);
            }
        }
    }
}
