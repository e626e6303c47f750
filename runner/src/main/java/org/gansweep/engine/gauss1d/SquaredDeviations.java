package org.gansweep.engine.gauss1d;

import org.gansweep.engine.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * v2017's features: the raw minibatch followed by each sample's squared deviation from the minibatch mean
 * (2N inputs). The source takes that mean from {@code data.data}, outside autograd, so the mean is a
 * constant for the gradient: d(x_i - m)^2 / dx_i = 2 (x_i - m). Kept exactly so.
 */
final class SquaredDeviations implements Features {
    private INDArray deviation;

    @Override
    public int size(int minibatch) {
        return 2 * minibatch;
    }

    @Override
    public INDArray forward(INDArray batch) {
        return forwardAround(batch, batch.mean(true, 2));
    }

    /** The features with the mean given ({@code [R, 1, 1]}): what the gradient treats as constant. */
    INDArray forwardAround(INDArray batch, INDArray mean) {
        long runs = batch.size(0);
        long n = batch.size(2);
        deviation = Broadcast.sub(batch, mean);
        INDArray raw = batch.reshape(runs, n, 1);
        INDArray squared = deviation.mul(deviation).reshape(runs, n, 1);
        return Nd4j.concat(1, raw, squared);
    }

    @Override
    public INDArray backward(INDArray gradFeatures) {
        long runs = deviation.size(0);
        long n = deviation.size(2);
        INDArray gRaw = gradFeatures.get(all(), interval(0, n), all()).reshape(runs, 1, n);
        INDArray gSquared = gradFeatures.get(all(), interval(n, 2 * n), all()).reshape(runs, 1, n);
        return gSquared.mul(deviation).muli(2.0).addi(gRaw);
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(long from, long to) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
    }
}
