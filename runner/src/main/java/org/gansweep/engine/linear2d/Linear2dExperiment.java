package org.gansweep.engine.linear2d;

import java.util.List;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.LaneChunks;
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
    private final boolean fusedCpu;
    private final int threads;

    /** The ND4J kernel only (any backend, float or double). */
    public Linear2dExperiment() {
        this(false, 1);
    }

    /**
     * @param fusedCpu train with the fused kernel (plain Java on the CPU, float and double) instead of ND4J ops
     * @param threads  threads for the fused kernel
     */
    public Linear2dExperiment(boolean fusedCpu, int threads) {
        this.fusedCpu = fusedCpu;
        this.threads = Math.max(1, threads);
    }

    @Override
    public String kernel(Precision precision) {
        return fusedCpu ? "fused" : "nd4j";
    }

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

    /**
     * Java kernel: no per-step overhead to speak of; about 9 us of CPU per run-step (linear2d-reference, float
     * and double, on this 2-core machine kind), shared by the threads. ND4J: the defaults.
     */
    @Override
    public double secondsPerBatchStep(ResolvedConfig config) {
        return kernel(Precision.FLOAT).equals("fused") ? 0 : Experiment.super.secondsPerBatchStep(config);
    }

    @Override
    public double secondsPerRunStep(ResolvedConfig config) {
        return kernel(Precision.FLOAT).equals("fused") ? 9e-6 / threads : Experiment.super.secondsPerRunStep(config);
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(Linear2dSchema.EPOCHS)
                * (config.integer(Linear2dSchema.DATA_POINTS) / config.integer(Linear2dSchema.BATCH_SIZE));
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        if (kernel(precision).equals("fused")) {
            return Linear2dFusedTrainer.train(runs, precision, threads, LaneChunks.DEFAULT_CHUNK, listener);
        }
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        return Linear2dLoop.train(new Linear2dBatch(runs, dataType), runs, listener);
    }
}
