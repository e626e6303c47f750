package org.gansweep.engine.linear2d;

import org.gansweep.engine.LaneMath;
import org.gansweep.engine.RunColumns;

/**
 * {@link Linear2dLoss} for the fused kernel: D's BCE-with-logits targets and weights per run (the real rows
 * share one target and weight, the fake rows another), the logit gradients of D's and G's losses, and the
 * per-example loss values logged. Rows 0..B-1 of D's pass are real, then the K fake minibatches.
 */
final class Linear2dLaneLoss {
    private final Linear2dLanes lanes;
    private final int batch;
    private final double[] realTarget;
    private final double[] fakeTarget;
    private final double[] realWeight;
    private final double[] fakeWeight;
    private final double[] lossD;
    private final double[] lossG;

    Linear2dLaneLoss(RunColumns columns, int batch, int copies, Linear2dLanes lanes) {
        this.lanes = lanes;
        this.batch = batch;
        int runs = lanes.runs;
        double[] easing = columns.values("easing");
        double[] realWeights = columns.values("real_weight");
        double[] fakeWeights = columns.values("fake_weight");
        boolean[] oneSided = columns.flags("easing_one_sided");
        realTarget = new double[runs];
        fakeTarget = new double[runs];
        realWeight = new double[runs];
        fakeWeight = new double[runs];
        for (int r = 0; r < runs; r++) {
            realTarget[r] = lanes.round(Linear2dLoss.target(true, easing[r], oneSided[r]));
            fakeTarget[r] = lanes.round(Linear2dLoss.target(false, easing[r], oneSided[r]));
            realWeight[r] = lanes.round(Linear2dLoss.weight(true, realWeights[r], fakeWeights[r], copies));
            fakeWeight[r] = lanes.round(Linear2dLoss.weight(false, realWeights[r], fakeWeights[r], copies));
        }
        lossD = new double[runs];
        lossG = new double[runs];
    }

    /** D's dLoss/dlogit per row: (sigmoid(s) - target) * weight. */
    void discriminatorLogitGradient(double[] logit, double[] out) {
        int runs = lanes.runs;
        int rows = logit.length / runs;
        for (int s = 0; s < rows; s++) {
            double[] target = s < batch ? realTarget : fakeTarget;
            double[] weight = s < batch ? realWeight : fakeWeight;
            int at = s * runs;
            for (int r = 0; r < runs; r++) {
                double p = lanes.round(LaneMath.sigmoid(logit[at + r]));
                out[at + r] = lanes.round(lanes.round(p - target[r]) * weight[r]);
            }
        }
    }

    /** G's dLoss/dlogit (non-saturating, target 1): sigmoid(s) - 1. */
    void generatorLogitGradient(double[] logit, double[] out) {
        for (int j = 0; j < logit.length; j++) {
            out[j] = lanes.round(lanes.round(LaneMath.sigmoid(logit[j])) - 1.0);
        }
    }

    /** Per-run D loss per example: sum of weight * BCE(logit, target) / B, BCE = softplus(s) - t s. */
    double[] discriminatorLoss(double[] logit) {
        int runs = lanes.runs;
        int rows = logit.length / runs;
        java.util.Arrays.fill(lossD, 0.0);
        for (int s = 0; s < rows; s++) {
            double[] target = s < batch ? realTarget : fakeTarget;
            double[] weight = s < batch ? realWeight : fakeWeight;
            int at = s * runs;
            for (int r = 0; r < runs; r++) {
                double x = logit[at + r];
                double bce = lanes.round(lanes.round(softplus(x)) - lanes.round(target[r] * x));
                lossD[r] = lanes.round(lossD[r] + lanes.round(bce * weight[r]));
            }
        }
        for (int r = 0; r < runs; r++) {
            lossD[r] = lanes.round(lossD[r] / batch);
        }
        return lossD.clone();
    }

    /** Per-run G loss per example: sum of -log sigmoid(s) = softplus(-s), over B. */
    double[] generatorLoss(double[] logit) {
        int runs = lanes.runs;
        java.util.Arrays.fill(lossG, 0.0);
        for (int s = 0; s < logit.length / runs; s++) {
            for (int r = 0; r < runs; r++) {
                lossG[r] = lanes.round(lossG[r] + lanes.round(softplus(-logit[s * runs + r])));
            }
        }
        for (int r = 0; r < runs; r++) {
            lossG[r] = lanes.round(lossG[r] / batch);
        }
        return lossG.clone();
    }

    /** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
    static double softplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(LaneMath.exp(-Math.abs(x)));
    }
}
