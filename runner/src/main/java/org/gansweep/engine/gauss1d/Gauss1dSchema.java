package org.gansweep.engine.gauss1d;

import java.util.List;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.ParameterSchema;

/**
 * The parameters of Dev Nag's GAN; defaults (the v2018 source) live in configs/gauss1d.json. The variant
 * fixes the networks and D's features; schedule and optimizer are their own keys, so a sweep sets them with
 * the variant (sweeps/gauss1d-reference.json zips each variant with its source's values).
 */
final class Gauss1dSchema {
    static final String VARIANT = "variant";
    static final String EPOCHS = "epochs";
    static final String D_STEPS = "d_steps";
    static final String G_STEPS = "g_steps";
    static final String MINIBATCH = "minibatch";
    static final String LOG_EVERY = "log_every";
    static final String EVAL_SAMPLES = "eval_samples";
    static final String OPTIMIZER = "optimizer";
    static final String NOISE_SAMPLES = "noise_samples";

    /** Parameters that fix shapes and loop lengths: runs must agree on these to share a batch. */
    static final List<String> SHAPE = List.of(VARIANT, EPOCHS, D_STEPS, G_STEPS, MINIBATCH, LOG_EVERY, EVAL_SAMPLES,
            OPTIMIZER, NOISE_SAMPLES);

    static final ParameterSchema SCHEMA = new ParameterSchema("gauss1d", List.of(
            Parameter.choice(VARIANT, List.of("v2018", "v2017"), "networks and D's features: v2018 4-moment, "
                    + "v2017 raw batch + squared deviations"),
            Parameter.integer(EPOCHS, 1, 1_000_000, "epochs; each is d_steps D updates then g_steps G updates"),
            Parameter.integer(D_STEPS, 1, 1000, "D updates per epoch"),
            Parameter.integer(G_STEPS, 1, 1000, "G updates per epoch"),
            Parameter.integer(MINIBATCH, 2, 100_000, "samples per minibatch; D sees one minibatch as one input"),
            Parameter.integer(LOG_EVERY, 1, 1_000_000, "trajectory stride in epochs; G is measured at each"),
            Parameter.integer(EVAL_SAMPLES, 2, 10_000_000, "fresh samples drawn to measure G's mean and std"),
            Parameter.choice(OPTIMIZER, List.of("sgd", "sgd_momentum", "adam", "adamw"),
                    "update rule for both networks; adamw decays decoupled from the gradient"),
            Parameter.positive("lr_g", "generator learning rate"),
            Parameter.positive("lr_d", "discriminator learning rate"),
            Parameter.real("momentum", 0, true, 1, false, "sgd_momentum's momentum"),
            Parameter.real("adam_beta1", 0, true, 1, false, "Adam beta1"),
            Parameter.real("adam_beta2", 0, true, 1, false, "Adam beta2"),
            Parameter.positive("adam_eps", "Adam epsilon"),
            Parameter.real("data_mean", -1e6, true, 1e6, true, "mean of the real data"),
            Parameter.positive("data_std", "standard deviation of the real data"),
            Parameter.real("easing", 0, true, 0.5, false, "one-sided label easing: D's real target is 1 - easing"),
            Parameter.nonNegative("real_weight", "weight of the real minibatch in D's loss"),
            Parameter.nonNegative("fake_weight", "weight of the fake minibatch in D's loss"),
            Parameter.nonNegative("d_weight_decay", "L2 weight decay on D's parameters"),
            Parameter.nonNegative("g_weight_decay", "L2 weight decay on G's parameters"),
            Parameter.nonNegative("weight_noise", "std of Gaussian noise on G's parameters in the copies D judges"),
            Parameter.integer(NOISE_SAMPLES, 1, 64, "noisy copies of G whose fake minibatches D's loss averages"),
            Parameter.nonNegative("instance_noise", "std of Gaussian noise on every sample D sees, real and fake"),
            Parameter.nonNegative("r1_gamma", "R1: gamma / 2 * ||d logit / d features||^2 of the real minibatch, "
                    + "added to D's loss"),
            Parameter.positive("success_mean_tol", "success: |mean - data_mean| below this ..."),
            Parameter.positive("success_std_tol", "... and |std - data_std| below this, at every measurement of ..."),
            Parameter.real("hold_fraction", 0, false, 1, true, "... the last hold_fraction of the epochs"),
            Parameter.positive("diverge_bound", "a parameter beyond this magnitude counts as diverged")),
            List.of());

    private Gauss1dSchema() {
    }
}
