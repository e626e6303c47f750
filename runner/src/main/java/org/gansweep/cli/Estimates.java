package org.gansweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gansweep.engine.Experiments;
import org.gansweep.plan.PlannedRun;

/**
 * Which runs remain and a rough time for them, without training or starting ND4J. The model is a per-step
 * cost of the batch (ND4J's per-op overhead, about 2 ms for a PointGAN step on this 2-core machine kind)
 * plus a per-run-step cost; a rough guide, not a promise.
 */
final class Estimates {
    private static final double SECONDS_PER_BATCH_STEP = 2.0e-3;
    private static final double SECONDS_PER_RUN_STEP = 1.5e-6;
    private static final int DEFAULT_BATCH = 4096;

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
        double seconds = 0;
        for (List<PlannedRun> batch : trainer.batches(todo)) {
            long steps = trainer.runSteps(List.of(batch.get(0)));
            seconds += steps * (SECONDS_PER_BATCH_STEP + SECONDS_PER_RUN_STEP * batch.size());
        }
        return String.format(Locale.ROOT, "estimated time: %s in %d batch(es) (rough built-in model for a 2-core CPU)",
                Progress.duration(seconds), trainer.batches(todo).size());
    }
}
