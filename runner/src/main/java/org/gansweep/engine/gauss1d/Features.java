package org.gansweep.engine.gauss1d;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What D sees of a minibatch ({@code [R, 1, N]} -> {@code [R, F, 1]}), and how gradients flow back. */
interface Features {
    int size(int minibatch);

    INDArray forward(INDArray batch);

    /** dLoss/dBatch from dLoss/dFeatures, for the batch of the last {@link #forward}. */
    INDArray backward(INDArray gradFeatures);

    static Features of(String variant) {
        return variant.equals("v2017") ? new SquaredDeviations() : new Moments();
    }
}
