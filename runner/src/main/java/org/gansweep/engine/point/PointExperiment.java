package org.gansweep.engine.point;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.VectorApi;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The single-point GAN (PointGAN): G(x) = w x + b must learn w = 0, b = 1 against a 1-2-1 tanh/sigmoid D,
 * with every stabilization trick of the article as a per-run parameter.
 */
public final class PointExperiment implements Experiment {
    private static final int PROGRESS_EVERY = 25;
    private final boolean fusedCpu;
    private final int threads;

    /** The ND4J kernel only (any backend, float or double). */
    public PointExperiment() {
        this(false, 1);
    }

    /**
     * @param fusedCpu train float batches with the fused CPU kernel instead of ND4J ops (CPU backend only)
     * @param threads  threads for the fused kernel
     */
    public PointExperiment(boolean fusedCpu, int threads) {
        this.fusedCpu = fusedCpu;
        this.threads = Math.max(1, threads);
    }

    @Override
    public String kernel(Precision precision) {
        return fusedCpu && precision == Precision.FLOAT && VectorApi.available() ? "fused" : "nd4j";
    }

    @Override
    public String name() {
        return "point";
    }

    @Override
    public ParameterSchema schema() {
        return PointSchema.SCHEMA;
    }

    @Override
    public String batchShape(ResolvedConfig config) {
        StringBuilder shape = new StringBuilder("point");
        for (String name : PointSchema.SHAPE) {
            shape.append(';').append(name).append('=').append(config.value(name));
        }
        return shape.toString();
    }

    /**
     * Java kernel (float): no per-step overhead to speak of; about 1 us of CPU per run-step (0.7-1.5M
     * run-steps/s per thread at R = 16 to 4096 on this 2-core machine kind), shared by the threads. ND4J: the
     * defaults.
     */
    @Override
    public double secondsPerBatchStep(ResolvedConfig config) {
        return kernel(Precision.FLOAT).equals("fused") ? 0 : Experiment.super.secondsPerBatchStep(config);
    }

    @Override
    public double secondsPerRunStep(ResolvedConfig config) {
        return kernel(Precision.FLOAT).equals("fused") ? 1e-6 / threads : Experiment.super.secondsPerRunStep(config);
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(PointSchema.STEPS);
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        if (kernel(precision).equals("fused")) {
            return PointFusedTrainer.train(runs, threads, listener);
        }
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        PointBatch batch = new PointBatch(runs, dataType);
        PointTracker tracker = new PointTracker(runs, batch.shape.steps());
        PointCriterion criterion = new PointCriterion(batch.gen.getRow(PointBatch.W), batch.gen.getRow(PointBatch.B),
                runs.stream().mapToDouble(r -> r.config().real("success_tol")).toArray(), dataType);
        int count = runs.size();
        logAll(batch, tracker, 0, false);
        long total = batch.shape.steps() * count;
        for (long step = 1; step <= batch.shape.steps(); step++) {
            for (int j = 0; j < batch.shape.dSteps(); j++) {
                batch.updateDiscriminator((step - 1) * batch.shape.dSteps() + j);
            }
            for (int j = 0; j < batch.shape.gSteps(); j++) {
                batch.updateGenerator((step - 1) * batch.shape.gSteps() + j);
            }
            criterion.observe(step);
            if (batch.shape.isLogStep(step)) {
                // Parameters reach the host only here, at log steps.
                logAll(batch, tracker, step, true);
            }
            if (step % PROGRESS_EVERY == 0 || step == batch.shape.steps()) {
                listener.onProgress(step * count, total);
            }
        }
        tracker.lastFailures(criterion.lastFailure());
        List<RunResult> results = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            results.add(tracker.result(r));
        }
        return results;
    }

    /**
     * At a log step: checks divergence, logs every live run and the runs found diverged now (their row shows
     * the values that broke them), then freezes those.
     */
    private static void logAll(PointBatch batch, PointTracker tracker, long step, boolean trained) {
        PointTracker.Params params = PointTracker.Params.of(batch.gen.data().asDouble(), batch.disc.data().asDouble(),
                batch.runs);
        List<Integer> diverged = tracker.checkDivergence(step, params);
        double[] dReal = PointLoss.scoreOfRealPoint(batch.probe);
        double[] dFake = trained ? PointLoss.meanFakeScore(batch.dPass, batch.fakeRows) : null;
        double[] lossD = trained ? PointLoss.discriminatorLoss(batch.dPass, batch.target, batch.weight) : null;
        double[] lossG = trained ? PointLoss.generatorLoss(batch.gPass, batch.summed) : null;
        for (int r = 0; r < batch.runs; r++) {
            if (tracker.active(r) || diverged.contains(r)) {
                tracker.log(r, step, params, dReal[r], trained ? dFake[r] : Double.NaN,
                        trained ? lossD[r] : Double.NaN, trained ? lossG[r] : Double.NaN);
            }
        }
        for (int r : diverged) {
            freeze(batch, r);
        }
    }

    /** Stops a diverged run: zero learning rates and finite zero state, so its column stays inert. */
    private static void freeze(PointBatch batch, int r) {
        batch.gen.getColumn(r).assign(0.0);
        batch.disc.getColumn(r).assign(0.0);
        batch.optG.freezeRun(r);
        batch.optD.freezeRun(r);
    }
}
