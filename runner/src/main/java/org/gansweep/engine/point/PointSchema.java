package org.gansweep.engine.point;

import java.util.List;
import java.util.Map;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.ParameterSchema;

/** The parameters of the single-point GAN; defaults live in configs/point.json. */
final class PointSchema {
    static final String STEPS = "steps";
    static final String BATCH_SIZE = "batch_size";
    static final String LOG_EVERY = "log_every";
    static final String OPTIMIZER = "optimizer";
    static final String D_STEPS = "d_steps";
    static final String G_STEPS = "g_steps";
    static final String NOISE_SAMPLES = "noise_samples";
    static final String LOSS_REDUCTION = "loss_reduction";
    static final String WEIGHT_NOISE_MODE = "weight_noise_mode";

    /** Parameters that fix shapes and loop lengths: runs must agree on these to share a batch. */
    static final List<String> SHAPE = List.of(STEPS, BATCH_SIZE, LOG_EVERY, OPTIMIZER, D_STEPS, G_STEPS,
            NOISE_SAMPLES, WEIGHT_NOISE_MODE);

    static final ParameterSchema SCHEMA = new ParameterSchema("point", List.of(
            Parameter.integer(STEPS, 1, 10_000_000, "training steps; one step = d_steps D updates then g_steps G updates"),
            Parameter.integer(BATCH_SIZE, 1, 4096, "B: fake samples per update; the real batch is B copies of 1.0"),
            Parameter.integer(LOG_EVERY, 1, 1_000_000, "trajectory stride in steps"),
            Parameter.choice(OPTIMIZER, List.of("sgd", "sgd_momentum", "adam", "adamw"),
                    "update rule for both networks; adamw decays decoupled from the gradient"),
            Parameter.positive("lr_g", "generator learning rate"),
            Parameter.positive("lr_d", "discriminator learning rate"),
            Parameter.real("momentum", 0, true, 1, false, "sgd_momentum's momentum"),
            Parameter.real("adam_beta1", 0, true, 1, false, "Adam beta1"),
            Parameter.real("adam_beta2", 0, true, 1, false, "Adam beta2"),
            Parameter.positive("adam_eps", "Adam epsilon"),
            Parameter.integer(D_STEPS, 1, 100, "D updates per step"),
            Parameter.integer(G_STEPS, 1, 100, "G updates per step"),
            Parameter.real("easing", 0, true, 0.5, false, "label easing: targets easing (fake) and 1 - easing (real)"),
            Parameter.flag("easing_one_sided", "ease only the real target"),
            Parameter.nonNegative("real_weight", "weight of real examples in D's loss"),
            Parameter.nonNegative("fake_weight", "weight of fake examples in D's loss"),
            Parameter.nonNegative("d_weight_decay", "L2 weight decay on D's parameters"),
            Parameter.nonNegative("g_weight_decay", "L2 weight decay on G's parameters"),
            Parameter.choice(LOSS_REDUCTION, List.of("mean", "sum"),
                    "D's and G's BCE averaged or summed over the batch (D's always averaged over noisy copies)"),
            Parameter.nonNegative("weight_noise", "std of Gaussian noise on G's w and b while D trains"),
            Parameter.choice(WEIGHT_NOISE_MODE, List.of("per_copy", "per_sample"),
                    "one noise draw per noisy copy of G, shared by its batch, or one per fake sample"),
            Parameter.integer(NOISE_SAMPLES, 1, 64, "independently perturbed copies of G per D update"),
            Parameter.nonNegative("instance_noise", "std of Gaussian noise on every input D sees"),
            Parameter.positive("success_tol", "success: |w| and |b - 1| below this"),
            Parameter.real("hold_fraction", 0, false, 1, true, "the criterion must hold over this last fraction of steps"),
            Parameter.positive("diverge_bound", "a parameter beyond this magnitude counts as diverged")),
            List.of(),
            // Readings added after the first results: at these values a run is the run it was before them.
            Map.of(LOSS_REDUCTION, "mean", WEIGHT_NOISE_MODE, "per_copy"));

    private PointSchema() {
    }
}
