package org.gansweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gansweep.engine.Experiments;
import org.gansweep.plan.PlannedRun;

/**
 * Which runs remain and a rough time for them, without training or starting ND4J. For experiments with a
 * fused CPU kernel: about 1.5 million run-steps/s (measured 1-2.8M on this 2-core machine kind). Otherwise
 * each experiment's per-step cost of a batch ({@code Experiment.secondsPerBatchStep}: ND4J's per-op overhead)
 * plus its per-run-step cost ({@code secondsPerRunStep}). A rough guide, not a promise.
 */
final class Estimates {
    private static final int DEFAULT_BATCH = 4096;
    private static final double FUSED_RUN_STEPS_PER_SECOND = 1.5e6;

    private Estimates() {
    }

    static List<PlannedRun> remaining(List<PlannedRun> runs, Path sweepDir) {
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun run : runs) {
            if (!Files.isRegularFile(sweepDir.resolve("runs").resolve(run.key().value()).resolve("summary.json"))) {
                todo.add(run);
            }
        }
        return todo;
    }

    static String describe(List<PlannedRun> todo, Path sweepDir) {
        var trainer = new org.gansweep.engine.BatchTrainer(Experiments.all(), org.gansweep.engine.Precision.FLOAT,
                DEFAULT_BATCH);
        var fused = Experiments.all(true, 2);
        double seconds = 0;
        for (List<PlannedRun> batch : trainer.batches(todo)) {
            long steps = trainer.runSteps(List.of(batch.get(0)));
            boolean hasFused = fused.get(batch.get(0).experiment()).kernel(org.gansweep.engine.Precision.FLOAT)
                    .equals("fused");
            var experiment = Experiments.all().get(batch.get(0).experiment());
            var config = batch.get(0).config();
            seconds += hasFused ? steps * batch.size() / FUSED_RUN_STEPS_PER_SECOND
                    : steps * (experiment.secondsPerBatchStep(config) + experiment.secondsPerRunStep(config) * batch.size());
        }
        return String.format(Locale.ROOT, "estimated training time: %s in %d batch(es) (rough built-in model for a "
                + "2-core CPU, float)", Progress.duration(seconds), trainer.batches(todo).size());
    }
}
