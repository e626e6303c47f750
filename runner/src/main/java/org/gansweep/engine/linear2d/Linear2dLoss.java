package org.gansweep.engine.linear2d;

import org.gansweep.engine.RunColumns;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * D's loss layout and the logged loss values. d2l: BCEWithLogitsLoss(reduction='sum'), D's loss
 * (sum over real + sum over fake) / 2, G's loss the sum of BCE(D(G(z)), 1). Rows 0..B-1 of D's pass are
 * real, then the fake rows (B per copy of G); targets carry label easing, weights carry real_weight /
 * fake_weight, the 1/2 and, for fakes, 1/K over K = noise_samples copies.
 * Logged values are per example (divided by B), as d2l prints them.
 */
final class Linear2dLoss {
    private Linear2dLoss() {
    }

    /** Rows 0..B-1 real, then K = copies fake minibatches of B, each fake row's weight also / K. */
    static void fillTargetsAndWeights(RunColumns columns, int batch, int copies, INDArray target, INDArray weight) {
        double[] easing = columns.values("easing");
        double[] realWeight = columns.values("real_weight");
        double[] fakeWeight = columns.values("fake_weight");
        boolean[] oneSided = columns.flags("easing_one_sided");
        int runs = easing.length;
        int rows = (1 + copies) * batch;
        double[] targets = new double[rows * runs];
        double[] weights = new double[rows * runs];
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < rows; i++) {
                boolean real = i < batch;
                targets[i * runs + r] = target(real, easing[r], oneSided[r]);
                weights[i * runs + r] = weight(real, realWeight[r], fakeWeight[r], copies);
            }
        }
        target.assign(Nd4j.create(targets, new long[] {rows, runs}, 'c').castTo(target.dataType()));
        weight.assign(Nd4j.create(weights, new long[] {rows, runs}, 'c').castTo(weight.dataType()));
    }

    /** D's target for a real or a fake row: 1 and 0, eased (only the real one when one-sided). */
    static double target(boolean real, double easing, boolean oneSided) {
        return real ? 1 - easing : oneSided ? 0 : easing;
    }

    /** A row's weight in D's loss: real_weight or fake_weight / K, halved (D's loss is (real + fake) / 2). */
    static double weight(boolean real, double realWeight, double fakeWeight, int copies) {
        return (real ? realWeight : fakeWeight / copies) / 2;
    }

    /** Per-run D loss per example: sum of weight * BCE(logit, target) / B, BCE = softplus(s) - t s. */
    static double[] discriminatorLoss(INDArray logit, INDArray target, INDArray weight, int batch) {
        INDArray bce = Transforms.softPlus(logit, true);
        bce.subi(target.mul(logit)).muli(weight);
        return bce.sum(0).divi(batch).toDoubleVector();
    }

    /** Per-run G loss per example: sum of -log sigmoid(s) = softplus(-s), over B. */
    static double[] generatorLoss(INDArray logit, int batch) {
        return Transforms.softPlus(logit.neg(), false).sum(0).divi(batch).toDoubleVector();
    }
}
