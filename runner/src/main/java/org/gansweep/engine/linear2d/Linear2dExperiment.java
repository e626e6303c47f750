package org.gansweep.engine.linear2d;

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
 * The d2l.ai GAN: a linear G(z) = z W^T + c learns the 2-D Gaussian X A + b against a 2-5-3-1 tanh D.
 * Each run's final metrics close the loop: G's mean and covariance against b and A^T A, and the polar
 * decomposition of W^T A^{-1}, which shows W matching A only up to a rotation or reflection.
 */
public final class Linear2dExperiment implements Experiment {
    private static final int PROGRESS_EVERY = 25;

    @Override
    public List<String> reportColumns() {
        // The loop closed: how far the generated law is from the target, and how orthogonal R = W^T A^-1 is.
        return List.of("cov_rel_error", "mean_error", "r_orthogonality_error");
    }

    @Override
    public String name() {
        return "linear2d";
    }

    @Override
    public ParameterSchema schema() {
        return Linear2dSchema.SCHEMA;
    }

    @Override
    public String batchShape(ResolvedConfig config) {
        StringBuilder shape = new StringBuilder("linear2d");
        for (String name : Linear2dSchema.SHAPE) {
            shape.append(';').append(name).append('=').append(config.value(name));
        }
        return shape.toString();
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(Linear2dSchema.EPOCHS)
                * (config.integer(Linear2dSchema.DATA_POINTS) / config.integer(Linear2dSchema.BATCH_SIZE));
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        Linear2dBatch batch = new Linear2dBatch(runs, dataType);
        Linear2dTracker tracker = new Linear2dTracker(runs, batch.steps);
        int count = runs.size();
        double[] gen = batch.gen.data().asDouble();
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, 0, gen, Double.NaN, Double.NaN);
        }
        long total = batch.steps * count;
        long lastEpochFrom = batch.steps - batch.stepsPerEpoch;
        for (long step = 1; step <= batch.steps; step++) {
            batch.step(step);
            gen = batch.gen.data().asDouble();
            List<Integer> diverged = tracker.observe(step, gen, batch.disc.data().asDouble());
            boolean logStep = step % batch.logEvery == 0 || step == batch.steps;
            boolean lastEpoch = step > lastEpochFrom;
            if (logStep || lastEpoch || !diverged.isEmpty()) {
                double[] lossD = Linear2dLoss.discriminatorLoss(batch.dPass.logit, batch.target, batch.weight, batch.batch);
                double[] lossG = Linear2dLoss.generatorLoss(batch.gPass.logit, batch.batch);
                long epoch = (step - 1) / batch.stepsPerEpoch + 1;
                for (int r = 0; r < count; r++) {
                    if (lastEpoch && tracker.active(r)) {
                        tracker.lastEpochLosses(r, lossD[r], lossG[r], batch.stepsPerEpoch);
                    }
                    // A run that diverged now is logged whatever the stride, so its trajectory ends on what broke it.
                    if ((logStep && tracker.active(r)) || diverged.contains(r)) {
                        tracker.log(r, step, epoch, gen, lossD[r], lossG[r]);
                    }
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
