package org.gansweep.engine.gauss1d;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;

/** The training loop of a batch on either kernel: epochs, measurements at log steps, divergence, results. */
final class Gauss1dTraining {
    private Gauss1dTraining() {
    }

    static List<RunResult> train(Gauss1dKernel batch, List<PlannedRun> runs, RunListener listener) {
        ResolvedConfig shape = runs.get(0).config();
        long epochs = shape.integer(Gauss1dSchema.EPOCHS);
        long logEvery = shape.integer(Gauss1dSchema.LOG_EVERY);
        int evalSamples = (int) shape.integer(Gauss1dSchema.EVAL_SAMPLES);
        Gauss1dTracker tracker = new Gauss1dTracker(runs, epochs, evalSamples);
        int count = runs.size();
        double[] measured = batch.measure(0);
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, measured, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long total = epochs * count;
        for (long epoch = 1; epoch <= epochs; epoch++) {
            batch.epoch(epoch);
            boolean logStep = epoch % logEvery == 0 || epoch == epochs;
            if (!logStep) {
                continue;
            }
            // Divergence is checked at log steps, where parameters come to the host anyway.
            List<Integer> diverged = tracker.observe(epoch, batch.generatorParameters(),
                    batch.discriminatorParameters());
            measured = batch.measure(epoch);
            for (int r = 0; r < count; r++) {
                if (tracker.active(r) || diverged.contains(r)) {
                    tracker.log(r, epoch, measured, batch.lossD()[r], batch.lossG()[r], batch.dReal()[r],
                            batch.dFake()[r]);
                }
            }
            diverged.forEach(batch::freeze);
            listener.onProgress(epoch * count, total);
        }
        List<RunResult> results = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            results.add(tracker.result(r));
        }
        return results;
    }
}
