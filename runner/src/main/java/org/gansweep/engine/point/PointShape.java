package org.gansweep.engine.point;

import org.gansweep.plan.ResolvedConfig;

/**
 * What a batch's runs share: array shapes and loop lengths (the batch-shape parameters of PointSchema).
 * Both kernels read it the same way. Immutable.
 */
record PointShape(int batch, int copies, long steps, int dSteps, int gSteps, int logEvery, boolean noisePerSample) {
    static PointShape of(ResolvedConfig config) {
        return new PointShape((int) config.integer(PointSchema.BATCH_SIZE), (int) config.integer(PointSchema.NOISE_SAMPLES),
                config.integer(PointSchema.STEPS), (int) config.integer(PointSchema.D_STEPS),
                (int) config.integer(PointSchema.G_STEPS), (int) config.integer(PointSchema.LOG_EVERY),
                config.text(PointSchema.WEIGHT_NOISE_MODE).equals("per_sample"));
    }

    /**
     * Weight-noise draws per D update: per copy, w_k from draw k and b_k from draw copies + k; per sample,
     * fake row i's w from draw i and its b from draw fakeRows + i.
     */
    int weightNoiseDraws() {
        return 2 * (noisePerSample ? fakeRows() : copies);
    }

    /** Fake examples per D update: one batch per noisy copy of G. */
    int fakeRows() {
        return copies * batch;
    }

    boolean isLogStep(long step) {
        return step % logEvery == 0 || step == steps;
    }
}
