package org.gansweep.engine.linear2d;

/**
 * A batch of d2l GANs as {@link Linear2dLoop} drives it, on either kernel ({@link Linear2dBatch} on ND4J,
 * {@link Linear2dFusedBatch} in plain Java): both are watched, logged and frozen by the same loop, so their
 * runs' results are made the same way.
 */
interface Linear2dTraining {
    long steps();

    int stepsPerEpoch();

    int logEvery();

    /** Training step number step (1-based): one D update, then one G update. */
    void step(long step);

    /** G's parameters as a host [6][R] array (entry p * R + r), valid until the next step. */
    double[] generator();

    /** D's parameters as a host [37][R] array, valid until the next step. */
    double[] discriminator();

    /** Per-run D loss per example of the last step's D update. */
    double[] discriminatorLoss();

    /** Per-run G loss per example of the last step's G update. */
    double[] generatorLoss();

    /** Stops a diverged run: zero parameters and optimizer state, zero learning rates. */
    void freeze(int r);
}
