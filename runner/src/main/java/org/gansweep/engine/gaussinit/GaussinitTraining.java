package org.gansweep.engine.gaussinit;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The training loop of both kernels: the step-0 measurement on measure_samples draws, then steps, and at
 * each log step the divergence check, a measurement of G on eval_samples fresh draws, the trajectory row of
 * every live run (and of those found diverged now, showing the values that broke them), and the freeze.
 */
final class GaussinitTraining {
    private GaussinitTraining() {
    }

    static List<RunResult> train(List<PlannedRun> runs, GaussinitKernel batch, double[][] mu, double[][] sigma,
                                 RunListener listener) {
        GaussinitShape shape = batch.shape();
        GaussinitTracker tracker = new GaussinitTracker(runs, shape.steps(), mu, sigma);
        int count = runs.size();
        double[][][] first = batch.sample(0, shape.measureSamples());
        for (int r = 0; r < count; r++) {
            tracker.initialMeasurement(r, first[r]);
            tracker.log(r, 0, first[r], Double.NaN, Double.NaN);
        }
        first = null; // measure_samples per run and output: let it go before training
        for (long step = 1; step <= shape.steps(); step++) {
            boolean record = shape.isLogStep(step);
            batch.step(step, record);
            if (!record) {
                continue;
            }
            List<Integer> diverged = tracker.observe(step, batch.generatorParameters(),
                    batch.discriminatorParameters());
            double[][][] samples = batch.sample(step, shape.evalSamples());
            for (int r = 0; r < count; r++) {
                if (tracker.active(r) || diverged.contains(r)) {
                    tracker.log(r, step, samples[r], batch.lossD()[r], batch.lossG()[r]);
                }
            }
            diverged.forEach(batch::freeze);
            listener.onProgress(step * count, shape.steps() * count);
        }
        List<RunResult> results = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            results.add(tracker.result(r));
        }
        return results;
    }
}
