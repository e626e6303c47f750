package org.gansweep.engine.gauss1d;

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

/** Dev Nag's 1-D GAN (both variants) as a gansweep experiment; steps are the source's epochs. */
public final class Gauss1dExperiment implements Experiment {
    @Override
    public String name() {
        return "gauss1d";
    }

    @Override
    public ParameterSchema schema() {
        return Gauss1dSchema.SCHEMA;
    }

    @Override
    public List<String> reportColumns() {
        return List.of("mean", "std");
    }

    @Override
    public String batchShape(ResolvedConfig config) {
        StringBuilder shape = new StringBuilder("gauss1d");
        for (String name : Gauss1dSchema.SHAPE) {
            shape.append(';').append(name).append('=').append(config.value(name));
        }
        return shape.toString();
    }

    /** Measured here for 20 runs: about 3.7 ms per v2018 update and 10 ms per v2017 update. */
    @Override
    public double secondsPerBatchStep(ResolvedConfig config) {
        double perUpdate = config.text(Gauss1dSchema.VARIANT).equals("v2017") ? 10e-3 : 3.7e-3;
        return perUpdate * (config.integer(Gauss1dSchema.D_STEPS) + config.integer(Gauss1dSchema.G_STEPS));
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(Gauss1dSchema.EPOCHS);
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        Gauss1dBatch batch = new Gauss1dBatch(runs, dataType);
        Gauss1dTracker tracker = new Gauss1dTracker(runs, batch.epochs, batch.evalSamples);
        int count = runs.size();
        double[] measured = batch.measure(0);
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, measured, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long total = batch.epochs * count;
        for (long epoch = 1; epoch <= batch.epochs; epoch++) {
            batch.epoch(epoch);
            boolean logStep = epoch % batch.logEvery == 0 || epoch == batch.epochs;
            if (!logStep) {
                continue;
            }
            // Divergence is checked at log steps, where parameters come to the host anyway.
            List<Integer> diverged = tracker.observe(epoch, batch.gen.params.data().asDouble(),
                    batch.disc.params.data().asDouble());
            measured = batch.measure(epoch);
            for (int r = 0; r < count; r++) {
                if (tracker.active(r) || diverged.contains(r)) {
                    tracker.log(r, epoch, measured, batch.lossD[r], batch.lossG[r], batch.dReal[r],
                            batch.dFake[r]);
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
