package org.gansweep.engine.dirac;

import java.util.Arrays;
import java.util.List;
import org.gansweep.engine.LaneMath;
import org.gansweep.plan.PlannedRun;

/**
 * {@link DiracField}'s vector fields over length-R arrays, one lane per run, with {@link LaneMath#sigmoid}
 * (the only transcendental function the fields need) instead of ND4J's. L = f(psi theta) + f(0) with
 * f(t) = -log(1 + exp(-t)), so f'(t) = sigmoid(-t) and f''(t) = -sigmoid(t) sigmoid(-t); theta descends,
 * psi ascends, and (v1, v2) is the direction of the update. Each value is rounded where ND4J's float op
 * would store it, in the same order, so the kernels agree to rounding. Instance noise sums its rows in
 * the fixed order i = 0, 1, ... within each lane.
 */
final class DiracLaneField {
    private final String loss;
    private final String reg;
    private final boolean single;
    private final int runs;
    private final double[] r1Gamma;
    private final double[] gpReg;
    private final double[] gpTarget;
    private final double[] sigma;
    private final double[] consensusReg;
    private final DiracDraws draws;
    private final double[] a;
    private final double[] s;
    private final double[] sum1;
    private final double[] sum2;

    DiracLaneField(String loss, String reg, List<PlannedRun> plannedRuns, boolean single, DiracDraws draws) {
        this.loss = loss;
        this.reg = reg;
        this.single = single;
        this.draws = draws;
        runs = plannedRuns.size();
        r1Gamma = DiracLanes.column(plannedRuns, "r1_gamma", single);
        gpReg = DiracLanes.column(plannedRuns, "gp_reg", single);
        gpTarget = DiracLanes.column(plannedRuns, "gp_target", single);
        sigma = DiracLanes.column(plannedRuns, "instance_noise", single);
        consensusReg = DiracLanes.column(plannedRuns, "consensus_reg", single);
        a = new double[runs];
        s = new double[runs];
        sum1 = new double[runs];
        sum2 = new double[runs];
    }

    private double round(double x) {
        return LaneMath.round(single, x);
    }

    private double sigmoid(double x) {
        return round(LaneMath.sigmoid(x));
    }

    /** Writes the field at (theta, psi) into v1, v2; evaluation numbers the run's field evaluations (noise draws). */
    void evaluate(double[] theta, double[] psi, double[] v1, double[] v2, long evaluation) {
        if (reg.equals(DiracSchema.INSTANCE_NOISE)) {
            instanceNoise(theta, psi, v1, v2, evaluation);
            return;
        }
        switch (loss) {
            case DiracSchema.GAN, DiracSchema.NSGAN -> gan(theta, psi, v1, v2);
            case DiracSchema.WGAN -> wgan(theta, psi, v1, v2);
            case DiracSchema.WGAN_GP -> wganGp(theta, psi, v1, v2);
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
        if (reg.equals(DiracSchema.R1)) {
            // R1 on the real point x = 0: gamma/2 * (dD/dx)^2 = gamma/2 * psi^2, so psi's ascent loses gamma psi.
            for (int r = 0; r < runs; r++) {
                v2[r] = round(v2[r] - round(r1Gamma[r] * psi[r]));
            }
        } else if (reg.equals(DiracSchema.CONSENSUS)) {
            consensus(theta, psi, v1, v2);
        }
    }

    /** GAN: v1 = -psi f'(psi theta), v2 = theta f'(psi theta); NSGAN: v1 = -psi f'(-psi theta). Leaves s = f'(a). */
    private void gan(double[] theta, double[] psi, double[] v1, double[] v2) {
        boolean nonSaturating = loss.equals(DiracSchema.NSGAN);
        for (int r = 0; r < runs; r++) {
            a[r] = round(psi[r] * theta[r]);
            s[r] = sigmoid(-a[r]);
            v1[r] = -round(psi[r] * (nonSaturating ? sigmoid(a[r]) : s[r]));
            v2[r] = round(theta[r] * s[r]);
        }
    }

    private void wgan(double[] theta, double[] psi, double[] v1, double[] v2) {
        for (int r = 0; r < runs; r++) {
            v1[r] = -psi[r];
            v2[r] = theta[r];
        }
    }

    /** v2 = theta - reg (|psi| - target) sign(psi). */
    private void wganGp(double[] theta, double[] psi, double[] v1, double[] v2) {
        for (int r = 0; r < runs; r++) {
            double penalty = round(round(round(Math.abs(psi[r]) - gpTarget[r]) * Math.signum(psi[r])) * gpReg[r]);
            v1[r] = -psi[r];
            v2[r] = round(theta[r] - penalty);
        }
    }

    /**
     * Exactly the reference notebook's term, with s = f'(a), s2 = f''(a), q = psi^2 + theta^2:
     * v1 -= reg (theta s^2 + 0.5 psi q s s2), v2 -= reg (psi s^2 + 0.5 theta q s s2). (The exact gradient of
     * 0.5 |v|^2 would have q s s2 without the 0.5; we keep the notebook's field, as the paper's figure used it.)
     */
    private void consensus(double[] theta, double[] psi, double[] v1, double[] v2) {
        for (int r = 0; r < runs; r++) {
            // half = 0.5 q s s2, with s2 = -sigmoid(a) sigmoid(-a) = -sigmoid(a) s, in DiracField's op order
            double half = round(-round(sigmoid(a[r]) * s[r]) * s[r]);
            half = round(half * 0.5);
            double q = round(round(psi[r] * psi[r]) + round(theta[r] * theta[r]));
            half = round(half * q);
            double sSquared = round(s[r] * s[r]);
            v1[r] = round(v1[r] - consensusTerm(r, theta[r], psi[r], sSquared, half));
            v2[r] = round(v2[r] - consensusTerm(r, psi[r], theta[r], sSquared, half));
        }
    }

    /** reg (own s^2 + other 0.5 q s s2). */
    private double consensusTerm(int r, double own, double other, double sSquared, double half) {
        return round(round(round(own * sSquared) + round(other * half)) * consensusReg[r]);
    }

    /**
     * The GAN field averaged over theta_e = theta + sigma n1 and x_e = sigma n2:
     * v1 = E[-psi f'(psi theta_e)], v2 = E[theta_e f'(psi theta_e)] - E[x_e f'(-x_e psi)].
     */
    private void instanceNoise(double[] theta, double[] psi, double[] v1, double[] v2, long evaluation) {
        draws.prepare(evaluation);
        double[] n = draws.samples;
        int rows = draws.rows;
        Arrays.fill(sum1, 0.0);
        Arrays.fill(sum2, 0.0);
        Arrays.fill(v2, 0.0);
        for (int i = 0; i < rows; i++) {
            double weight = draws.weights[i];
            int fake = i * runs;
            int real = (rows + i) * runs;
            for (int r = 0; r < runs; r++) {
                double noisyTheta = round(round(n[fake + r] * sigma[r]) + theta[r]);
                double d1 = round(sigmoid(-round(noisyTheta * psi[r])) * weight);
                sum1[r] = round(sum1[r] + d1);
                v2[r] = round(v2[r] + round(d1 * noisyTheta));
                // f'(-x_e psi) = sigmoid(x_e psi)
                double noisyReal = round(n[real + r] * sigma[r]);
                double d2 = round(round(sigmoid(round(noisyReal * psi[r])) * noisyReal) * weight);
                sum2[r] = round(sum2[r] + d2);
            }
        }
        for (int r = 0; r < runs; r++) {
            v1[r] = -round(psi[r] * sum1[r]);
            v2[r] = round(v2[r] - sum2[r]);
        }
    }
}
