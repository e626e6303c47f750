package org.gansweep.engine.gauss1d;

/**
 * {@link SquaredDeviations} in lane form: the raw minibatch followed by each sample's squared deviation from
 * the minibatch mean, the mean held constant for the gradient as in the source.
 */
final class LaneSquaredDeviations implements LaneFeatures {
    private final int runs;
    private final boolean single;
    private final double[] deviation;
    private final double[] dx;
    private final double[] sum;
    private int n;

    LaneSquaredDeviations(int minibatch, int runs, boolean single) {
        this.runs = runs;
        this.single = single;
        deviation = new double[minibatch * runs];
        dx = new double[minibatch * runs];
        sum = new double[runs];
    }

    private double round(double x) {
        return single ? (double) (float) x : x;
    }

    @Override
    public int size(int minibatch) {
        return 2 * minibatch;
    }

    @Override
    public void forward(double[] x, int n, double[] out, int column, int columns) {
        this.n = n;
        int length = n * runs;
        java.util.Arrays.fill(sum, 0.0);
        for (int s = 0; s < length; s += runs) {
            for (int r = 0; r < runs; r++) {
                sum[r] = round(sum[r] + x[s + r]);
            }
        }
        for (int r = 0; r < runs; r++) {
            sum[r] = round(sum[r] / n);
        }
        for (int s = 0; s < n; s++) {
            int raw = (s * columns + column) * runs;
            int squared = ((n + s) * columns + column) * runs;
            for (int r = 0; r < runs; r++) {
                double d = round(x[s * runs + r] - sum[r]);
                deviation[s * runs + r] = d;
                out[raw + r] = x[s * runs + r];
                out[squared + r] = round(d * d);
            }
        }
    }

    @Override
    public double[] backward(double[] gradFeatures) {
        int length = n * runs;
        for (int k = 0; k < length; k++) {
            dx[k] = round(round(round(gradFeatures[length + k] * deviation[k]) * 2.0) + gradFeatures[k]);
        }
        return dx;
    }
}
