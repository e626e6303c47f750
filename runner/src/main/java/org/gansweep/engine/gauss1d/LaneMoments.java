package org.gansweep.engine.gauss1d;

import org.gansweep.engine.VectorApi;

/**
 * {@link Moments} in lane form: mean, population std, skew and excess kurtosis of each run's minibatch,
 * with the same gradient (the cubic in z per sample, its coefficients per run). With the Vector API loaded
 * the passes run on {@link MomentsVectors} over the runs padded to whole vectors, with the same bits as the
 * scalar passes here (checked in tests).
 */
final class LaneMoments implements LaneFeatures {
    private static final boolean VECTOR = VectorApi.available();
    private final int runs;
    private final boolean single;
    private final boolean vector;
    /** Lanes per sample in the work arrays: R, or R padded to whole vectors. */
    private final int lanes;
    private final double[] padded;
    private final double[] z;
    private final double[] paddedDx;
    private final double[] dx;
    private final double[] mean;
    private final double[] std;
    private final double[] cubes;
    private final double[] fourths;
    private final double[] skew;
    private final double[] kurt;
    /** The gradient's per-run coefficients: dx = c0 + z (c1 + z (a + z b)). */
    private final double[] a;
    private final double[] b;
    private final double[] c0;
    private final double[] c1;
    private int n;

    LaneMoments(int minibatch, int runs, boolean single) {
        this(minibatch, runs, single, VECTOR);
    }

    /** vector: use the Vector API passes (tests compare both). */
    LaneMoments(int minibatch, int runs, boolean single, boolean vector) {
        this.runs = runs;
        this.single = single;
        this.vector = vector;
        lanes = vector ? (runs + MomentsVectors.LENGTH - 1) / MomentsVectors.LENGTH * MomentsVectors.LENGTH : runs;
        padded = new double[minibatch * lanes];
        z = new double[minibatch * lanes];
        paddedDx = new double[minibatch * lanes];
        dx = new double[minibatch * runs];
        mean = new double[lanes];
        std = new double[lanes];
        cubes = new double[lanes];
        fourths = new double[lanes];
        skew = new double[lanes];
        kurt = new double[lanes];
        a = new double[lanes];
        b = new double[lanes];
        c0 = new double[lanes];
        c1 = new double[lanes];
    }

    private double round(double x) {
        return single ? (double) (float) x : x;
    }

    @Override
    public int size(int minibatch) {
        return 4;
    }

    @Override
    public void forward(double[] x, int n, double[] out, int column, int columns) {
        this.n = n;
        for (int s = 0; s < n; s++) {
            System.arraycopy(x, s * runs, padded, s * lanes, runs);
        }
        if (vector) {
            MomentsVectors.mean(padded, n, lanes, single, mean);
            MomentsVectors.deviations(padded, n, lanes, single, mean, z, std);
            MomentsVectors.standardize(z, n, lanes, single, std, cubes, fourths);
        } else {
            scalarForward();
        }
        for (int r = 0; r < runs; r++) {
            skew[r] = round(cubes[r] / n);
            kurt[r] = round(round(fourths[r] / n) - 3.0);
            out[(0 * columns + column) * runs + r] = mean[r];
            out[(1 * columns + column) * runs + r] = std[r];
            out[(2 * columns + column) * runs + r] = skew[r];
            out[(3 * columns + column) * runs + r] = kurt[r];
        }
    }

    /** The passes of {@link MomentsVectors} one lane at a time: mean, deviations and std, z and its powers. */
    private void scalarForward() {
        int length = n * lanes;
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(std, 0.0);
        java.util.Arrays.fill(cubes, 0.0);
        java.util.Arrays.fill(fourths, 0.0);
        for (int s = 0; s < length; s += lanes) {
            for (int r = 0; r < runs; r++) {
                mean[r] = round(mean[r] + padded[s + r]);
            }
        }
        for (int r = 0; r < runs; r++) {
            mean[r] = round(mean[r] / n);
        }
        // z holds the deviations d = x - mean until the std is known; std holds the sum of squares until then.
        for (int s = 0; s < length; s += lanes) {
            for (int r = 0; r < runs; r++) {
                double d = round(padded[s + r] - mean[r]);
                z[s + r] = d;
                std[r] = round(std[r] + round(d * d));
            }
        }
        for (int r = 0; r < runs; r++) {
            std[r] = round(Math.sqrt(round(std[r] / n)));
        }
        for (int s = 0; s < length; s += lanes) {
            for (int r = 0; r < runs; r++) {
                double zi = round(z[s + r] / std[r]);
                z[s + r] = zi;
                double z2 = round(zi * zi);
                cubes[r] = round(cubes[r] + round(z2 * zi));
                fourths[r] = round(fourths[r] + round(z2 * z2));
            }
        }
    }

    @Override
    public double[] backward(double[] gradFeatures) {
        // Per run: a = 3 gSkew / (N s), b = 4 gKurt / (N s); then per sample
        // dx = gMean / N + gStd z / N + a (z^2 - 1 - skew z) + b (z^3 - skew - (kurt + 3) z).
        for (int r = 0; r < runs; r++) {
            a[r] = round(round(round(gradFeatures[2 * runs + r] * 3.0) / std[r]) / n);
            b[r] = round(round(round(gradFeatures[3 * runs + r] * 4.0) / std[r]) / n);
            c0[r] = round(round(round(gradFeatures[r] / n) - a[r]) - round(b[r] * skew[r]));
            c1[r] = round(round(round(gradFeatures[runs + r] / n) - round(a[r] * skew[r]))
                    - round(b[r] * round(kurt[r] + 3.0)));
        }
        if (vector) {
            MomentsVectors.cubic(z, n, lanes, single, a, b, c0, c1, paddedDx);
        } else {
            for (int s = 0; s < n * lanes; s += lanes) {
                for (int r = 0; r < runs; r++) {
                    double zi = z[s + r];
                    double g = round(round(round(zi * b[r]) + a[r]) * zi);
                    paddedDx[s + r] = round(round(round(g + c1[r]) * zi) + c0[r]);
                }
            }
        }
        for (int s = 0; s < n; s++) {
            System.arraycopy(paddedDx, s * lanes, dx, s * runs, runs);
        }
        return dx;
    }
}
