package org.gansweep.engine.dirac;

/**
 * One batch of Dirac-GANs as either kernel trains it (ND4J's {@link DiracBatch} or the Java
 * {@link DiracLanes}), so {@link DiracTraining} tracks, logs and freezes runs the same way for both.
 */
interface DiracKernel {
    long steps();

    int logEvery();

    /** Training step number step (1-based). */
    void step(long step);

    /** Every run's theta now, as doubles on the host (a float batch's values exactly). */
    double[] theta();

    double[] psi();

    /** Stops a diverged run: zero step sizes at the (finite) origin, so its lane stays inert. */
    void freeze(int r);
}
