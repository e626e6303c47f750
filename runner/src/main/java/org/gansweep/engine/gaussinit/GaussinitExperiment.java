package org.gansweep.engine.gaussinit;

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

/** Gaussian versus Xavier initialization of an MLP generator: measured at step 0, then trained as a GAN. */
public final class GaussinitExperiment implements Experiment {
    private final boolean fusedCpu;
    private final int threads;

    /** The ND4J kernel only (any backend, float or double). */
    public GaussinitExperiment() {
        this(false, 1);
    }

    /**
     * @param fusedCpu train with the Java lane kernel ("fused": processor-independent bits, CPU only) instead of
     *                 ND4J ops, in float and double
     * @param threads  threads for the fused kernel's chunks of runs
     */
    public GaussinitExperiment(boolean fusedCpu, int threads) {
        this.fusedCpu = fusedCpu;
        this.threads = Math.max(1, threads);
    }

    @Override
    public String kernel(Precision precision) {
        return fusedCpu ? "fused" : "nd4j";
    }

    @Override
    public String name() {
        return "gaussinit";
    }

    @Override
    public ParameterSchema schema() {
        return GaussinitSchema.SCHEMA;
    }

    @Override
    public List<String> reportColumns() {
        return List.of("init_mean_error", "init_std_error", "init_jarque_bera", "first_within_tol");
    }

    @Override
    public String batchShape(ResolvedConfig config) {
        StringBuilder shape = new StringBuilder("gaussinit");
        for (String name : GaussinitSchema.SHAPE) {
            shape.append(';').append(name).append('=').append(config.value(name));
        }
        return shape.toString();
    }

    /**
     * ND4J: fitted to two sweeps on this 2-core machine kind: 40 runs x 2000 steps in 52 s, and 120 runs plus
     * 80 runs with 4 noisy copies of G in 268 s: about 12 ms per batch step plus 0.34 ms per run and step, the
     * fake half of that growing with the copies D judges. Java kernel: no per-step overhead to speak of; CPU
     * time fitted to gaussinit-tricks in float (57 s on two threads: 0.19 ms per run-step with one copy of G,
     * 0.42 ms with four), shared by the threads.
     */
    @Override
    public double secondsPerBatchStep(ResolvedConfig config) {
        return fusedCpu ? 0 : 12e-3;
    }

    @Override
    public double secondsPerRunStep(ResolvedConfig config) {
        long copies = config.integer(GaussinitSchema.NOISE_SAMPLES);
        return fusedCpu ? (0.04e-3 + 0.077e-3 * (1 + copies)) / threads : 0.34e-3 * (1 + copies) / 2;
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(GaussinitSchema.STEPS);
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        if (kernel(precision).equals("fused")) {
            return GaussinitFusedTrainer.train(runs, precision, threads, LaneChunks.DEFAULT_CHUNK, listener);
        }
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        GaussinitBatch batch = new GaussinitBatch(runs, dataType);
        return GaussinitTraining.train(runs, batch, batch.mu, batch.sigma, listener);
    }
}
