package org.gansweep.engine.gauss1d;

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

/** Dev Nag's 1-D GAN (both variants) as a gansweep experiment; steps are the source's epochs. */
public final class Gauss1dExperiment implements Experiment {
    private final boolean fusedCpu;
    private final int threads;

    /** The ND4J kernel only (any backend, float or double). */
    public Gauss1dExperiment() {
        this(false, 1);
    }

    /**
     * @param fusedCpu train with the Java kernel ({@link Gauss1dLaneBatch}) instead of ND4J ops, float and double
     * @param threads  threads for the Java kernel (chunks of runs train in parallel)
     */
    public Gauss1dExperiment(boolean fusedCpu, int threads) {
        this.fusedCpu = fusedCpu;
        this.threads = Math.max(1, threads);
    }

    /** "fused": the Java kernel, processor-independent bits; "nd4j": the reference. */
    @Override
    public String kernel(Precision precision) {
        return fusedCpu ? "fused" : "nd4j";
    }

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

    /**
     * ND4J, measured here for 20 runs: about 3.7 ms per v2018 update and 10 ms per v2017 update, whatever the
     * batch size up to a few hundred runs (op overhead). The Java kernel's cost is per run instead.
     */
    @Override
    public double secondsPerBatchStep(ResolvedConfig config) {
        if (fusedCpu) {
            return 0;
        }
        double perUpdate = config.text(Gauss1dSchema.VARIANT).equals("v2017") ? 10e-3 : 3.7e-3;
        return perUpdate * (config.integer(Gauss1dSchema.D_STEPS) + config.integer(Gauss1dSchema.G_STEPS));
    }

    /**
     * The Java kernel, fitted to gauss1d-reference on this 2-core machine (float, 157 s on two threads, runs on
     * AVX-512 vectors): about 36 us of CPU per v2018 update and 141 us per v2017 update of one run; threads
     * share the runs.
     */
    @Override
    public double secondsPerRunStep(ResolvedConfig config) {
        if (!fusedCpu) {
            return Experiment.super.secondsPerRunStep(config);
        }
        double perUpdate = config.text(Gauss1dSchema.VARIANT).equals("v2017") ? 141e-6 : 36e-6;
        return perUpdate * (config.integer(Gauss1dSchema.D_STEPS) + config.integer(Gauss1dSchema.G_STEPS)) / threads;
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(Gauss1dSchema.EPOCHS);
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        if (kernel(precision).equals("fused")) {
            return Gauss1dFusedTrainer.train(runs, precision, threads, LaneChunks.DEFAULT_CHUNK, listener);
        }
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        return Gauss1dTraining.train(new Gauss1dBatch(runs, dataType), runs, listener);
    }
}
