package org.gansweep.engine.dirac;

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
 * The Dirac-GAN (Mescheder, Geiger, Nowozin 2018): data a point mass at 0, G a point theta, D(x) = psi x.
 * The analytic reference: which losses, regularizers and update schemes converge to (0, 0) is known in
 * closed form. The regularized runs contract r to 1e-10 and below, so run it with --dtype double.
 */
public final class DiracExperiment implements Experiment {
    private final boolean fusedCpu;
    private final int threads;

    /** The ND4J kernel only (any backend, float or double). */
    public DiracExperiment() {
        this(false, 1);
    }

    /**
     * @param fusedCpu train with the Java kernel ({@link DiracFusedTrainer}) instead of ND4J ops, in float
     *                 and double (CPU only)
     * @param threads  threads for the Java kernel
     */
    public DiracExperiment(boolean fusedCpu, int threads) {
        this.fusedCpu = fusedCpu;
        this.threads = Math.max(1, threads);
    }

    @Override
    public String kernel(Precision precision) {
        return fusedCpu ? "fused" : "nd4j";
    }

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

    /**
     * Java kernel: no per-step overhead to speak of; a run-step costs about 0.1 us of CPU per Monte Carlo
     * noise draw per update (D's d_steps and G's one), about 2 us otherwise (dirac-paper: 3.5 s on two threads),
     * shared by the threads. ND4J: the defaults.
     */
    @Override
    public double secondsPerBatchStep(ResolvedConfig config) {
        return fusedCpu ? 0 : Experiment.super.secondsPerBatchStep(config);
    }

    @Override
    public double secondsPerRunStep(ResolvedConfig config) {
        if (!fusedCpu) {
            return Experiment.super.secondsPerRunStep(config);
        }
        boolean drawn = config.text(DiracSchema.REG).equals(DiracSchema.INSTANCE_NOISE)
                && config.text(DiracSchema.NOISE_EXPECTATION).equals(DiracSchema.MONTE_CARLO);
        long updates = config.integer(DiracSchema.D_STEPS) + 1;
        return (drawn ? 0.1e-6 * config.integer(DiracSchema.NOISE_DRAWS) * updates : 2e-6) / threads;
    }

    @Override
    public long steps(ResolvedConfig config) {
        return config.integer(DiracSchema.STEPS);
    }

    @Override
    public List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener) {
        if (kernel(precision).equals("fused")) {
            return DiracFusedTrainer.train(runs, precision, threads, LaneChunks.DEFAULT_CHUNK, listener);
        }
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        return DiracTraining.train(new DiracBatch(runs, dataType), runs, listener);
    }
}
