package org.gansweep.engine;

import java.util.List;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;

/**
 * One experiment family: the parameters it accepts and how to train a batch of its runs as one tensor
 * program. Runs whose {@link #batchShape} is equal can share a batch.
 */
public interface Experiment {
    String name();

    ParameterSchema schema();

    /**
     * The part of a config that fixes array shapes and loop lengths (batch size, steps, optimizer...).
     * Runs differing only in other parameters train together, with per-run values as arrays.
     */
    String batchShape(ResolvedConfig config);

    /** Number of training steps a run of this config takes, for progress and estimates. */
    long steps(ResolvedConfig config);

    /**
     * Which kernel trains runs at this precision: "nd4j" (ND4J ops, any backend), or a name for a
     * CPU-only fused path. Recorded with every run, since kernels agree only to float tolerance.
     */
    default String kernel(Precision precision) {
        return "nd4j";
    }

    /**
     * Rough wall seconds of one step of a batch on the ND4J kernel (per-op overhead dominates small batches),
     * for the estimates {@code plan} prints: about 2 ms for a PointGAN step on a 2-core CPU.
     */
    default double secondsPerBatchStep(ResolvedConfig config) {
        return 2.0e-3;
    }

    /** Rough wall seconds each run adds to one step of its batch, beside {@link #secondsPerBatchStep}. */
    default double secondsPerRunStep(ResolvedConfig config) {
        return 1.5e-6;
    }

    /**
     * Final metrics whose per-group medians the report prints beside the success rate: the numbers that
     * say how close the runs came, for experiments where success alone hides it.
     */
    default List<String> reportColumns() {
        return List.of();
    }

    /** Trains the runs, which share one batch shape, together; calls the listener for each result. */
    List<RunResult> train(List<PlannedRun> runs, Precision precision, RunListener listener);
}
