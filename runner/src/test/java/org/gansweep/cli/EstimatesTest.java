package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Experiments;
import org.gansweep.engine.Precision;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/** `plan`'s time estimate: each batch's steps times the cost model of the kernel `run` would use. */
class EstimatesTest {
    private static List<PlannedRun> runs(String experiment, int count, Map<String, Object> overrides) {
        List<PlannedRun> runs = new ArrayList<>();
        for (int seed = 0; seed < count; seed++) {
            runs.add(ConfigRuns.of(experiment, seed, overrides));
        }
        return runs;
    }

    @Test
    void anExperimentWithAJavaKernelIsEstimatedByThatKernelsModel() {
        // gaussinit: two batches (1 and 4 copies of G split batches), 2000 steps each, no per-step overhead.
        List<PlannedRun> todo = new ArrayList<>(runs("gaussinit", 3, Map.of("noise_samples", 1L)));
        todo.addAll(runs("gaussinit", 2, Map.of("noise_samples", 4L, "weight_noise", 0.1)));
        Experiment java = Experiments.all(true, 2).get("gaussinit");
        assertEquals("fused", java.kernel(Precision.FLOAT));
        double expected = 2000 * 3 * java.secondsPerRunStep(todo.get(0).config())
                + 2000 * 2 * java.secondsPerRunStep(todo.get(3).config());
        assertEquals(expected, Estimates.seconds(todo), 1e-9 * expected);
        // The model's figures: (0.04 + 0.077 (1 + K)) ms per run-step on one thread, halved by two.
        assertEquals(3 * 2000 * 0.097e-3 + 2 * 2000 * 0.2125e-3, Estimates.seconds(todo), 1e-9);
    }

    @Test
    void pointIsEstimatedAtAMicrosecondPerRunStepSharedByTwoThreads() {
        // `plan` models float runs, which point trains on its Java kernel: no per-step overhead of the batch.
        List<PlannedRun> todo = runs("point", 4, Map.of());
        Experiment java = Experiments.all(true, 2).get("point");
        long steps = Experiments.all().get("point").steps(todo.get(0).config());
        assertEquals(steps * 4 * java.secondsPerRunStep(todo.get(0).config()), Estimates.seconds(todo), 1e-12);
        assertEquals(steps * 4 * 0.5e-6, Estimates.seconds(todo), 1e-12);
    }
}
