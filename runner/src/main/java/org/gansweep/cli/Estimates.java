package org.gansweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.engine.BatchTrainer;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Experiments;
import org.gansweep.engine.Precision;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.record.ResultStore;

/**
 * Which runs remain and a rough time for them, without training or starting ND4J: each batch's steps times
 * its experiment's own cost model on the kernel {@code run} picks on a CPU (the Java kernel where there is
 * one, on {@link #THREADS} threads; else ND4J's): a per-step cost of the batch
 * ({@code Experiment.secondsPerBatchStep}: ND4J's per-op overhead) plus a per-run-step cost
 * ({@code secondsPerRunStep}), both measured on this 2-core machine kind. A rough guide, not a promise.
 */
final class Estimates {
    private static final int DEFAULT_BATCH = 4096;
    /** The threads the model assumes: this machine kind's two cores. */
    private static final int THREADS = 2;

    private Estimates() {
    }

    static List<PlannedRun> remaining(List<PlannedRun> runs, Path sweepDir) {
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun run : runs) {
            if (!ResultStore.isCompleteRun(sweepDir.resolve("runs").resolve(run.key().value()))) {
                todo.add(run);
            }
        }
        return todo;
    }

    static String describe(List<PlannedRun> todo, Path sweepDir) {
        List<List<PlannedRun>> batches = trainer().batches(todo);
        return String.format(Locale.ROOT, "estimated training time: %s in %d batch(es) (rough built-in model for a "
                + "2-core CPU, float)", Progress.duration(secondsOfBatches(batches)), batches.size());
    }

    /** Rough training seconds of the runs, float, on the CPU kernels {@code run} picks by default. */
    static double seconds(List<PlannedRun> todo) {
        return secondsOfBatches(trainer().batches(todo));
    }

    private static BatchTrainer trainer() {
        return new BatchTrainer(Experiments.all(), Precision.FLOAT, DEFAULT_BATCH);
    }

    private static double secondsOfBatches(List<List<PlannedRun>> batches) {
        Map<String, Experiment> nd4j = Experiments.all();
        Map<String, Experiment> java = Experiments.all(true, THREADS);
        BatchTrainer trainer = trainer();
        double seconds = 0;
        for (List<PlannedRun> batch : batches) {
            String name = batch.get(0).experiment();
            Experiment experiment = java.get(name).kernel(Precision.FLOAT).equals("fused") ? java.get(name) : nd4j.get(name);
            ResolvedConfig config = batch.get(0).config();
            long steps = trainer.runSteps(List.of(batch.get(0)));
            seconds += steps * (experiment.secondsPerBatchStep(config) + experiment.secondsPerRunStep(config) * batch.size());
        }
        return seconds;
    }
}
