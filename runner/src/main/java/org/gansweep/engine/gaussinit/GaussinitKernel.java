package org.gansweep.engine.gaussinit;

/**
 * One batch of gaussinit runs as a training loop sees it, whichever kernel trains it (ND4J ops or the Java
 * lanes): {@link GaussinitTraining} drives both the same way, so they measure, log, freeze and decide
 * outcomes identically.
 */
interface GaussinitKernel {
    GaussinitShape shape();

    /** Step {@code step} (1-based): one D update, then one G update. record: this step's losses are logged. */
    void step(long step, boolean record);

    /** G's outputs on n fresh latent draws of (step, the measurement purpose), [R][2][n]. */
    double[][][] sample(long step, int n);

    /** Host copies {@code [P][R]} of G's and D's parameters (entry row * R + r), for the divergence check. */
    double[] generatorParameters();

    double[] discriminatorParameters();

    /** Per run, the mean BCE of D's and of G's update at the last recorded step. */
    double[] lossD();

    double[] lossG();

    /** Stops a diverged run: zero parameters, learning rate and optimizer state, so its lane stays inert. */
    void freeze(int r);
}
