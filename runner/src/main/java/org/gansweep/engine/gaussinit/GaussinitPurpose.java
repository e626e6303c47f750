package org.gansweep.engine.gaussinit;

/**
 * The purposes of a run's random draws ({@link org.gansweep.engine.RunStream} blocks of (step, purpose)), in
 * one place for both kernels, so they draw the same numbers.
 */
final class GaussinitPurpose {
    /** Step 0: G's initial weights. */
    static final int INIT = 0;
    /** Step 0: D's initial weights (PyTorch's default), apart from G's. */
    static final int INIT_D = 100;
    static final int REAL = 1;
    static final int LATENT_D = 2;
    static final int LATENT_G = 3;
    static final int MEASURE = 4;
    static final int WEIGHT_NOISE = 5;
    static final int INSTANCE_D = 6;
    static final int INSTANCE_G = 7;

    private GaussinitPurpose() {
    }
}
