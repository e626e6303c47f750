package org.gansweep.engine.gaussinit;

import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.plan.ResolvedConfig;

/**
 * The {@link GaussinitSchema#SHAPE} values of a batch, which all its runs share: loop lengths, sample counts,
 * D's width and the update rule. Every other parameter is per run.
 */
record GaussinitShape(long steps, int batch, int logEvery, int evalSamples, int measureSamples, int noiseSamples,
                      int dHidden, BatchedOptimizer.Kind optimizer) {
    static GaussinitShape of(ResolvedConfig config) {
        return new GaussinitShape(config.integer(GaussinitSchema.STEPS),
                (int) config.integer(GaussinitSchema.BATCH_SIZE),
                (int) config.integer(GaussinitSchema.LOG_EVERY), (int) config.integer(GaussinitSchema.EVAL_SAMPLES),
                (int) config.integer(GaussinitSchema.MEASURE_SAMPLES),
                (int) config.integer(GaussinitSchema.NOISE_SAMPLES), (int) config.integer(GaussinitSchema.D_HIDDEN),
                BatchedOptimizer.Kind.of(config.text(GaussinitSchema.OPTIMIZER)));
    }

    /** Steps whose state the trajectory records: every log_every-th and the last. */
    boolean isLogStep(long step) {
        return step % logEvery == 0 || step == steps;
    }
}
