package org.gansweep.engine.point;

import org.gansweep.engine.RunColumns;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * D's loss layout and the loss values logged in trajectories. D's loss is the mean BCE over the
 * concatenation [fake; real] of 2B examples (PyTorch's BCELoss with per-example weights), averaged over
 * the noisy copies of G. Targets carry label easing; weights carry real_weight/fake_weight.
 */
final class PointLoss {
    private PointLoss() {
    }

    /** Rows 0..copies*batch-1 are fake examples, the last batch rows are real. */
    static void fillTargetsAndWeights(RunColumns columns, int copies, int batch, INDArray target, INDArray weight) {
        double[] easing = columns.values("easing");
        double[] realWeight = columns.values("real_weight");
        double[] fakeWeight = columns.values("fake_weight");
        int runs = easing.length;
        int fakeRows = copies * batch;
        int rows = fakeRows + batch;
        double[] targets = new double[rows * runs];
        double[] weights = new double[rows * runs];
        boolean[] sided = columns.flags("easing_one_sided");
        for (int r = 0; r < runs; r++) {
            double fakeTarget = sided[r] ? 0 : easing[r];
            double realTarget = 1 - easing[r];
            for (int i = 0; i < rows; i++) {
                boolean fake = i < fakeRows;
                targets[i * runs + r] = fake ? fakeTarget : realTarget;
                weights[i * runs + r] = fake ? fakeWeight[r] / (copies * 2.0 * batch) : realWeight[r] / (2.0 * batch);
            }
        }
        target.assign(Nd4j.create(targets, new long[] {rows, runs}, 'c').castTo(target.dataType()));
        weight.assign(Nd4j.create(weights, new long[] {rows, runs}, 'c').castTo(weight.dataType()));
    }

    /**
     * Per-run D loss of the last D pass: sum of weight * BCE(logit, target), with BCE in its stable logit
     * form softplus(s) - t s (PyTorch clamps log at -100 instead; the two differ only for |s| > 100).
     */
    static double[] discriminatorLoss(PointDiscriminator pass, INDArray target, INDArray weight) {
        INDArray bce = Transforms.softPlus(pass.logit, true);
        bce.subi(target.mul(pass.logit)).muli(weight);
        return bce.sum(0).toDoubleVector();
    }

    /** Per-run G loss of the last G pass: mean of -log D(G(x)) = softplus(-s). */
    static double[] generatorLoss(PointDiscriminator pass) {
        INDArray loss = Transforms.softPlus(pass.logit.neg(), false);
        return loss.mean(0).toDoubleVector();
    }

    /** Per-run mean D output over the fake rows of the last D pass. */
    static double[] meanFakeScore(PointDiscriminator pass, int fakeRows) {
        return pass.output.get(NDArrayIndex.interval(0, fakeRows), NDArrayIndex.all()).mean(0).toDoubleVector();
    }

    static double[] scoreOfRealPoint(PointDiscriminator probe) {
        probe.forward();
        return probe.output.toDoubleVector();
    }
}
