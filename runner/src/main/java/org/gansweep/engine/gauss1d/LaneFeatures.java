package org.gansweep.engine.gauss1d;

import org.gansweep.engine.Precision;

/**
 * {@link Features} in lane form for the Java kernel: what D sees of a minibatch {@code [1][n][R]}, written
 * as one column of D's input {@code [F][columns][R]}, and how gradients flow back. Sums over samples run in
 * sample order inside each run's lane; a float run rounds every stored value. Holds buffers; not
 * thread-safe.
 */
interface LaneFeatures {
    int size(int minibatch);

    /** The features of x ({@code [1][n][R]}) into column {@code column} of out; keeps what backward needs. */
    void forward(double[] x, int n, double[] out, int column, int columns);

    /**
     * dLoss/dx {@code [1][n][R]} (a buffer owned by the features) from dLoss/dFeatures {@code [F][1][R]}, for
     * the batch of the last {@link #forward}.
     */
    double[] backward(double[] gradFeatures);

    static LaneFeatures of(String variant, int minibatch, int runs, Precision precision) {
        boolean single = precision == Precision.FLOAT;
        return variant.equals("v2017") ? new LaneSquaredDeviations(minibatch, runs, single)
                : new LaneMoments(minibatch, runs, single);
    }
}
