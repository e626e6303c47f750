package org.gansweep.engine.point;

import java.util.List;
import org.gansweep.engine.RunColumns;
import org.gansweep.plan.PlannedRun;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * D's loss layout and the loss values logged in trajectories. D's loss is the BCE over the concatenation
 * [fake; real] of 2B examples (PyTorch's BCELoss with per-example weights), averaged (loss_reduction mean)
 * or summed (sum) over them, and averaged over the noisy copies of G. G's loss is the BCE of its B samples,
 * averaged or summed the same way. Targets carry label easing; weights carry real_weight/fake_weight and the
 * reduction, so both kernels need nothing else to follow it.
 */
final class PointLoss {
    private PointLoss() {
    }

    /** Per run: whether its losses are summed over the batch. */
    static boolean[] summed(List<PlannedRun> runs) {
        boolean[] sum = new boolean[runs.size()];
        for (int r = 0; r < sum.length; r++) {
            sum[r] = runs.get(r).config().text(PointSchema.LOSS_REDUCTION).equals("sum");
        }
        return sum;
    }

    /** The weight of one fake example of one copy in D's loss. */
    static double fakeWeight(double fakeWeight, int copies, int batch, boolean sum) {
        return sum ? fakeWeight / copies : fakeWeight / (copies * 2.0 * batch);
    }

    /** The weight of one real example in D's loss. */
    static double realWeight(double realWeight, int batch, boolean sum) {
        return sum ? realWeight : realWeight / (2.0 * batch);
    }

    /** The weight of one sample in G's loss. */
    static double generatorWeight(int batch, boolean sum) {
        return sum ? 1.0 : 1.0 / batch;
    }

    /** Rows 0..copies*batch-1 are fake examples, the last batch rows are real. */
    static void fillTargetsAndWeights(RunColumns columns, boolean[] summed, int copies, int batch, INDArray target,
                                      INDArray weight) {
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
                weights[i * runs + r] = fake ? fakeWeight(fakeWeight[r], copies, batch, summed[r])
                        : realWeight(realWeight[r], batch, summed[r]);
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

    /** Per-run G loss of the last G pass: mean (or sum) of -log D(G(x)) = softplus(-s). */
    static double[] generatorLoss(PointDiscriminator pass, boolean[] summed) {
        INDArray loss = Transforms.softPlus(pass.logit.neg(), false);
        double[] mean = loss.mean(0).toDoubleVector();
        for (int r = 0; r < mean.length; r++) {
            mean[r] *= summed[r] ? loss.rows() : 1;
        }
        return mean;
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
