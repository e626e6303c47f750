package org.gansweep.engine.dirac;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The Dirac-GAN (Mescheder, Geiger, Nowozin 2018): data a point mass at 0, G a point theta, D(x) = psi x.
 * The analytic reference: which losses, regularizers and update schemes converge to (0, 0) is known in
 * closed form. The regularized runs contract r to 1e-10 and below, so run it with --dtype double.
 */
public final class DiracExperiment implements Experiment {
    private static final int PROGRESS_EVERY = 25;

    @Override
    public List<String> reportColumns() {
        return List.of("r", "r_max");
    }

    @Override
    public String name() {
        return "dirac";
    }

    @Override
    public ParameterSchema schema() {
        return DiracSchema.SCHEMA;
    }

    @Override
    public String batchShape(ResolvedConfig config) {
        StringBuilder shape = new StringBuilder("dirac");
        for (String name : DiracSchema.SHAPE) {
            shape.append(';').append(name).append('=').append(config.value(name));
        }
        return shape.toString();
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(DiracSchema.STEPS);
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        DiracBatch batch = new DiracBatch(runs, dataType);
        DiracTracker tracker = new DiracTracker(runs, batch.steps);
        int count = runs.size();
        double[] theta = batch.theta.toDoubleVector();
        double[] psi = batch.psi.toDoubleVector();
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, theta[r], psi[r]);
        }
        long total = batch.steps * count;
        for (long step = 1; step <= batch.steps; step++) {
            batch.step(step);
            theta = batch.theta.toDoubleVector();
            psi = batch.psi.toDoubleVector();
            List<Integer> diverged = tracker.observe(step, theta, psi);
            boolean logStep = step % batch.logEvery == 0 || step == batch.steps;
            for (int r = 0; r < count; r++) {
                // A run that diverged now is logged whatever the stride, so its trajectory ends on what broke it.
                if ((logStep && tracker.active(r)) || diverged.contains(r)) {
                    tracker.log(r, step, theta[r], psi[r]);
                }
            }
            diverged.forEach(batch::freeze);
            if (step % PROGRESS_EVERY == 0 || step == batch.steps) {
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
