package org.gansweep.engine.dirac;

import java.util.List;
import java.util.Optional;
import org.gansweep.plan.ConfigRule;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.ResolvedConfig;

/** The parameters of the Dirac-GAN; defaults live in configs/dirac.json. */
final class DiracSchema {
    static final String STEPS = "steps";
    static final String LOG_EVERY = "log_every";
    static final String LOSS = "loss";
    static final String REG = "reg";
    static final String UPDATE = "update";
    static final String D_STEPS = "d_steps";
    static final String NOISE_DRAWS = "noise_draws";
    static final String NOISE_EXPECTATION = "noise_expectation";
    static final String QUADRATURE_NODES = "quadrature_nodes";

    static final String GAN = "gan";
    static final String NSGAN = "nsgan";
    static final String WGAN = "wgan";
    static final String WGAN_GP = "wgan_gp";
    static final String NONE = "none";
    static final String R1 = "r1";
    static final String INSTANCE_NOISE = "instance_noise";
    static final String CONSENSUS = "consensus";
    static final String SIMULTANEOUS = "simultaneous";
    static final String ALTERNATING = "alternating";
    static final String MONTE_CARLO = "monte_carlo";
    static final String QUADRATURE = "quadrature";

    /** Parameters that change the program (which field, which update loop, how many noise rows). */
    static final List<String> SHAPE = List.of(STEPS, LOG_EVERY, LOSS, REG, UPDATE, D_STEPS, NOISE_DRAWS,
            NOISE_EXPECTATION, QUADRATURE_NODES);

    static final ParameterSchema SCHEMA = new ParameterSchema("dirac", List.of(
            Parameter.integer(STEPS, 1, 1_000_000, "training steps; one step = one theta update and one (simultaneous) or d_steps (alternating) psi updates"),
            Parameter.integer(LOG_EVERY, 1, 1_000_000, "trajectory stride in steps"),
            Parameter.choice(LOSS, List.of(GAN, NSGAN, WGAN, WGAN_GP), "the objective's vector field"),
            Parameter.choice(REG, List.of(NONE, R1, INSTANCE_NOISE, CONSENSUS), "regularizer added to the field"),
            Parameter.choice(UPDATE, List.of(SIMULTANEOUS, ALTERNATING), "both players from the old point, or theta first then psi"),
            Parameter.integer(D_STEPS, 1, 100, "psi updates per theta update (alternating only)"),
            Parameter.positive("lr_g", "step size h of theta"),
            Parameter.positive("lr_d", "step size h of psi"),
            Parameter.real("theta0", -1e6, true, 1e6, true, "starting theta"),
            Parameter.real("psi0", -1e6, true, 1e6, true, "starting psi"),
            Parameter.nonNegative("r1_gamma", "R1 penalty gamma (reg r1)"),
            Parameter.positive("wgan_clip", "WGAN clips psi to [-c, c] after every update (loss wgan)"),
            Parameter.nonNegative("gp_reg", "WGAN-GP penalty weight (loss wgan_gp)"),
            Parameter.nonNegative("gp_target", "WGAN-GP target gradient norm (loss wgan_gp)"),
            Parameter.nonNegative("instance_noise", "instance noise std sigma (reg instance_noise)"),
            Parameter.integer(NOISE_DRAWS, 1, 100_000, "Monte Carlo draws per field evaluation (reg instance_noise)"),
            Parameter.choice(NOISE_EXPECTATION, List.of(MONTE_CARLO, QUADRATURE), "instance noise expectation: Monte Carlo or Gauss-Hermite"),
            Parameter.integer(QUADRATURE_NODES, 1, 128, "Gauss-Hermite nodes (noise_expectation quadrature)"),
            Parameter.nonNegative("consensus_reg", "consensus optimization weight (reg consensus)"),
            Parameter.positive("success_radius", "converged: r = sqrt(theta^2 + psi^2) below this at the end"),
            Parameter.positive("diverge_bound", "r beyond this, or a non-finite value, counts as diverged")),
            List.of(DiracSchema::regularizerNeedsItsLoss, DiracSchema::dStepsNeedAlternating));

    private DiracSchema() {
    }

    /** The reference notebook defines R1 on the GAN and NSGAN fields, instance noise and consensus on GAN's. */
    private static Optional<String> regularizerNeedsItsLoss(ResolvedConfig config) {
        String loss = config.text(LOSS);
        String reg = config.text(REG);
        List<String> allowed = switch (reg) {
            case R1 -> List.of(GAN, NSGAN);
            case INSTANCE_NOISE, CONSENSUS -> List.of(GAN);
            default -> List.of(GAN, NSGAN, WGAN, WGAN_GP);
        };
        return allowed.contains(loss) ? Optional.empty() : Optional.of("reg \"" + reg + "\" with loss \"" + loss
                + "\": reg " + reg + " is defined for loss " + String.join(" or ", allowed) + " only");
    }

    private static Optional<String> dStepsNeedAlternating(ResolvedConfig config) {
        long dSteps = config.integer(D_STEPS);
        return dSteps == 1 || config.text(UPDATE).equals(ALTERNATING) ? Optional.empty()
                : Optional.of("d_steps " + dSteps + " with update \"" + config.text(UPDATE)
                        + "\": several psi steps per theta step need update alternating");
    }
}
