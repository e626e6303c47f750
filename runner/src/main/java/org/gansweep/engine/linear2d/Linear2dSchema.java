package org.gansweep.engine.linear2d;

import java.util.List;
import java.util.Optional;
import org.gansweep.plan.ConfigRule;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.ResolvedConfig;

/** The parameters of the d2l.ai GAN; defaults live in configs/linear2d.json. */
final class Linear2dSchema {
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batch_size";
    static final String DATA_POINTS = "data_points";
    static final String LOG_EVERY = "log_every";
    static final String OPTIMIZER = "optimizer";
    static final String NOISE_SAMPLES = "noise_samples";

    /** Parameters that fix shapes and loop lengths: runs must agree on these to share a batch. */
    static final List<String> SHAPE = List.of(EPOCHS, BATCH_SIZE, DATA_POINTS, LOG_EVERY, OPTIMIZER, NOISE_SAMPLES);

    static final ParameterSchema SCHEMA = new ParameterSchema("linear2d", List.of(
            Parameter.integer(EPOCHS, 1, 100_000, "passes over the dataset; one step per minibatch"),
            Parameter.integer(BATCH_SIZE, 1, 4096, "real points per minibatch, and as many latent draws"),
            Parameter.integer(DATA_POINTS, 1, 1_000_000, "size of the fixed dataset X A + b drawn from the run's seed"),
            Parameter.integer(LOG_EVERY, 1, 1_000_000, "trajectory stride in steps"),
            Parameter.choice(OPTIMIZER, List.of("sgd", "sgd_momentum", "adam", "adamw"),
                    "update rule for both networks; adamw decays decoupled from the gradient"),
            Parameter.positive("lr_g", "generator learning rate"),
            Parameter.positive("lr_d", "discriminator learning rate"),
            Parameter.real("momentum", 0, true, 1, false, "sgd_momentum's momentum"),
            Parameter.real("adam_beta1", 0, true, 1, false, "Adam beta1"),
            Parameter.real("adam_beta2", 0, true, 1, false, "Adam beta2"),
            Parameter.positive("adam_eps", "Adam epsilon"),
            Parameter.positive("init_std", "every parameter starts N(0, init_std^2)"),
            Parameter.real("easing", 0, true, 0.5, false, "label easing: targets easing (fake) and 1 - easing (real)"),
            Parameter.flag("easing_one_sided", "ease only the real target"),
            Parameter.nonNegative("real_weight", "weight of real examples in D's loss"),
            Parameter.nonNegative("fake_weight", "weight of fake examples in D's loss"),
            Parameter.nonNegative("d_weight_decay", "L2 weight decay on D's parameters"),
            Parameter.nonNegative("g_weight_decay", "L2 weight decay on G's parameters"),
            Parameter.nonNegative("instance_noise", "std of Gaussian noise on every input D sees"),
            Parameter.nonNegative("weight_noise", "std of Gaussian noise on G's W and c in the copies D judges"),
            Parameter.integer(NOISE_SAMPLES, 1, 64, "noisy copies of G whose fake minibatches D's loss averages"),
            Parameter.nonNegative("r1_gamma", "R1: gamma / 4 * sum over the real minibatch of ||d logit / dx||^2 "
                    + "added to D's loss (its BCE terms' reduction: sum, halved)"),
            Parameter.positive("success_cov_tol", "success: ||W W^T - A^T A||_F / ||A^T A||_F below this ..."),
            Parameter.positive("success_mean_tol", "... and ||c - b|| below this, at the end"),
            Parameter.positive("diverge_bound", "a parameter beyond this magnitude counts as diverged")),
            List.of(Linear2dSchema::wholeBatches));

    private Linear2dSchema() {
    }

    /** d2l's loader yields full batches for 1000 / 8; a ragged last batch would change the program's shape. */
    private static Optional<String> wholeBatches(ResolvedConfig config) {
        long points = config.integer(DATA_POINTS);
        long batch = config.integer(BATCH_SIZE);
        return points % batch == 0 ? Optional.empty() : Optional.of("data_points " + points + " with batch_size "
                + batch + ": data_points should be a multiple of batch_size (every minibatch full)");
    }
}
