package org.gansweep.engine.linear2d;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The training loop of a linear2d batch on either kernel: after every step the tracker checks each run
 * (success criterion, divergence); log steps and the last epoch's steps also read the losses; a run that
 * diverged is logged on the spot, then frozen.
 */
final class Linear2dLoop {
    private static final int PROGRESS_EVERY = 25;

    private Linear2dLoop() {
    }

    static List<RunResult> train(Linear2dTraining batch, List<PlannedRun> runs, RunListener listener) {
        long steps = batch.steps();
        int stepsPerEpoch = batch.stepsPerEpoch();
        Linear2dTracker tracker = new Linear2dTracker(runs, steps);
        int count = runs.size();
        double[] gen = batch.generator();
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, 0, gen, Double.NaN, Double.NaN);
        }
        long total = steps * count;
        long lastEpochFrom = steps - stepsPerEpoch;
        for (long step = 1; step <= steps; step++) {
            batch.step(step);
            gen = batch.generator();
            List<Integer> diverged = tracker.observe(step, gen, batch.discriminator());
            boolean logStep = step % batch.logEvery() == 0 || step == steps;
            boolean lastEpoch = step > lastEpochFrom;
            if (logStep || lastEpoch || !diverged.isEmpty()) {
                double[] lossD = batch.discriminatorLoss();
                double[] lossG = batch.generatorLoss();
                long epoch = (step - 1) / stepsPerEpoch + 1;
                for (int r = 0; r < count; r++) {
                    if (lastEpoch && tracker.active(r)) {
                        tracker.lastEpochLosses(r, lossD[r], lossG[r], stepsPerEpoch);
                    }
                    // A run that diverged now is logged whatever the stride, so its trajectory ends on what broke it.
                    if ((logStep && tracker.active(r)) || diverged.contains(r)) {
                        tracker.log(r, step, epoch, gen, lossD[r], lossG[r]);
                    }
                }
            }
            diverged.forEach(batch::freeze);
            if (step % PROGRESS_EVERY == 0 || step == steps) {
                listener.onProgress(step * count, total);
            }
        }
        List<RunResult> results = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            results.add(tracker.result(r));
        }
        return results;
    }
}
