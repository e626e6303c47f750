package org.gansweep.engine.gaussinit;

import java.util.List;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.ParameterSchema;

/** The parameters of the Gaussian-initialization experiment; defaults live in configs/gaussinit.json. */
final class GaussinitSchema {
    static final String INIT = "init";
    static final String STEPS = "steps";
    static final String BATCH_SIZE = "batch_size";
    static final String LOG_EVERY = "log_every";
    static final String D_HIDDEN = "d_hidden";
    static final String EVAL_SAMPLES = "eval_samples";
    static final String MEASURE_SAMPLES = "measure_samples";
    static final String OPTIMIZER = "optimizer";
    static final String NOISE_SAMPLES = "noise_samples";

    /** Parameters that fix shapes and loop lengths: runs must agree on these to share a batch. */
    static final List<String> SHAPE = List.of(STEPS, BATCH_SIZE, LOG_EVERY, D_HIDDEN, EVAL_SAMPLES, MEASURE_SAMPLES,
            OPTIMIZER, NOISE_SAMPLES);

    static final ParameterSchema SCHEMA = new ParameterSchema("gaussinit", List.of(
            Parameter.choice(INIT, List.of("gaussian", "xavier"), "G's initialization scheme"),
            Parameter.integer(STEPS, 0, 10_000_000, "GAN training steps (one D then one G update); 0 = measure only"),
            Parameter.integer(BATCH_SIZE, 1, 100_000, "real and fake samples per update"),
            Parameter.integer(LOG_EVERY, 1, 10_000_000, "trajectory stride in steps; G is measured at each"),
            Parameter.integer(D_HIDDEN, 1, 1024, "units of each of D's two tanh layers"),
            Parameter.integer(EVAL_SAMPLES, 2, 10_000_000, "fresh samples per measurement during training"),
            Parameter.integer(MEASURE_SAMPLES, 8, 10_000_000, "samples of the step-0 measurement"),
            Parameter.choice(OPTIMIZER, List.of("sgd", "sgd_momentum", "adam", "adamw"),
                    "update rule for both networks; adamw decays decoupled from the gradient"),
            Parameter.positive("lr_g", "generator learning rate"),
            Parameter.positive("lr_d", "discriminator learning rate"),
            Parameter.real("momentum", 0, true, 1, false, "sgd_momentum's momentum"),
            Parameter.real("adam_beta1", 0, true, 1, false, "Adam beta1"),
            Parameter.real("adam_beta2", 0, true, 1, false, "Adam beta2"),
            Parameter.positive("adam_eps", "Adam epsilon"),
            Parameter.positive("alpha", "the gaussian scheme's ALPHA (first two layers' scale)"),
            Parameter.real("mu0", -1e6, true, 1e6, true, "target mean of output 0"),
            Parameter.real("mu1", -1e6, true, 1e6, true, "target mean of output 1"),
            Parameter.positive("sigma0", "target std of output 0"),
            Parameter.positive("sigma1", "target std of output 1"),
            Parameter.real("easing", 0, true, 0.5, false, "one-sided label easing: D's real target is 1 - easing"),
            Parameter.nonNegative("real_weight", "weight of real samples in D's loss"),
            Parameter.nonNegative("fake_weight", "weight of fake samples in D's loss"),
            Parameter.nonNegative("d_weight_decay", "L2 weight decay on D's parameters"),
            Parameter.nonNegative("g_weight_decay", "L2 weight decay on G's parameters"),
            Parameter.nonNegative("weight_noise", "std of Gaussian noise on G's parameters in the copies D judges"),
            Parameter.integer(NOISE_SAMPLES, 1, 64, "noisy copies of G whose fake minibatches D's loss averages"),
            Parameter.nonNegative("instance_noise", "std of Gaussian noise on every sample D sees, real and fake"),
            Parameter.nonNegative("r1_gamma", "R1: gamma / 2 * mean ||d logit / dx||^2 over the real samples, "
                    + "added to D's loss"),
            Parameter.positive("success_tol", "success: every output's |mean - mu| and |std - sigma| below "
                    + "success_tol * sigma ..."),
            Parameter.real("hold_fraction", 0, false, 1, true, "... at every measurement of the last hold_fraction"),
            Parameter.positive("diverge_bound", "a parameter beyond this magnitude counts as diverged")),
            List.of());

    private GaussinitSchema() {
    }
}
