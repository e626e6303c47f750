package org.gansweep.engine.gauss1d;

import org.gansweep.engine.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * v2018's features: mean, population std, skew and excess kurtosis of the minibatch. With d = x - m,
 * s^2 = mean(d^2), z = d / s, the gradients with respect to one sample x_i are
 * dm = 1/N, ds = z_i/N, dskew = 3 (z_i^2 - 1 - skew z_i) / (N s), dkurt = 4 (z_i^3 - skew - (kurt + 3) z_i) / (N s)
 * (the mean's own dependence on x_i cancels in each, since the deviations sum to zero).
 */
final class Moments implements Features {
    private INDArray z;
    private INDArray std;
    private INDArray skew;
    private INDArray kurt;
    private long n;

    @Override
    public int size(int minibatch) {
        return 4;
    }

    @Override
    public INDArray forward(INDArray batch) {
        n = batch.size(2);
        INDArray mean = batch.mean(true, 2);
        INDArray d = Broadcast.sub(batch, mean);
        INDArray variance = d.mul(d).mean(true, 2);
        std = Transforms.sqrt(variance, true);
        z = Broadcast.div(d, std);
        INDArray z2 = z.mul(z);
        skew = z2.mul(z).mean(true, 2);
        kurt = z2.mul(z2).mean(true, 2).subi(3.0);
        return Nd4j.concat(1, mean, std, skew, kurt);
    }

    @Override
    public INDArray backward(INDArray gradFeatures) {
        long runs = z.size(0);
        INDArray gMean = gradFeatures.get(all(), point(0)).reshape(runs, 1, 1);
        INDArray gStd = gradFeatures.get(all(), point(1)).reshape(runs, 1, 1);
        INDArray gSkew = gradFeatures.get(all(), point(2)).reshape(runs, 1, 1);
        INDArray gKurt = gradFeatures.get(all(), point(3)).reshape(runs, 1, 1);
        INDArray z2 = z.mul(z);
        // Per run: a = 3 gSkew / (N s), b = 4 gKurt / (N s); then per sample
        // dx = gMean / N + gStd z / N + a (z^2 - 1 - skew z) + b (z^3 - skew - (kurt + 3) z).
        INDArray a = gSkew.mul(3.0).divi(std).divi(n);
        INDArray b = gKurt.mul(4.0).divi(std).divi(n);
        // Collect the coefficients of 1, z, z^2 and z^3 per run, then evaluate the cubic once per sample.
        INDArray c0 = gMean.div(n).subi(a).subi(b.mul(skew));
        INDArray c1 = gStd.div(n).subi(a.mul(skew)).subi(b.mul(kurt.add(3.0)));
        INDArray grad = Broadcast.mul(z, b);
        Broadcast.addInPlace(grad, a);
        grad.muli(z);
        Broadcast.addInPlace(grad, c1);
        grad.muli(z);
        Broadcast.addInPlace(grad, c0);
        return grad;
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex point(long i) {
        return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
    }
}
