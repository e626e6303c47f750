package org.gansweep.engine.gauss1d;

/**
 * What {@link Gauss1dTraining}'s loop needs of a batch of runs, so the ND4J kernel ({@link Gauss1dBatch}) and
 * the Java kernel ({@link Gauss1dLaneBatch}) train the same model through the same loop, tracker and outcome
 * code. Per-run arrays are indexed by the run's position in the batch.
 */
interface Gauss1dKernel {
    /** One epoch (1-based): d_steps D updates, then g_steps G updates. */
    void epoch(long epoch);

    /** G's outputs on eval_samples fresh draws for this log step (run r at r * eval_samples). */
    double[] measure(long epoch);

    /** Host copies of G's and D's parameters, {@code [P][R]} (row p, run r at p * R + r). */
    double[] generatorParameters();

    double[] discriminatorParameters();

    /** Stops a diverged run: zero parameters and optimizer state, zero learning rates. */
    void freeze(int r);

    /** The last D update's loss and D's outputs on the real and (mean over copies) fake minibatch. */
    double[] lossD();

    double[] dReal();

    double[] dFake();

    /** The last G update's loss. */
    double[] lossG();
}
