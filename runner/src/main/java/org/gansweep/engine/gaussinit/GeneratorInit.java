package org.gansweep.engine.gaussinit;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gansweep.engine.RunStream;

/**
 * G's initial parameters (3 -> 5 -> 5 -> 2) for one run, by scheme, in double on the host.
 *
 * <p>gaussian: W1 ~ N(0, s1^2) with s1 = ALPHA / (1.96 sqrt(in)); W2 ~ N(0, s2^2) with
 * s2 = ALPHA / (1.96 sqrt(trace(W1 W1^T))); hidden biases 0. With zero biases the hidden map's Jacobian at
 * z = 0 is J = W2 W1 (tanh'(0) = 1); with the thin SVD J = Q S V^T, the last layer is
 * W3 = diag(SIGMA) U S^-1 Q^T (U: the first 2 rows of the 3x3 identity) and b3 = MU. Then G's linearization at
 * 0 is MU + diag(SIGMA) U V^T z, whose covariance for z ~ N(0, I) is exactly diag(SIGMA^2).
 *
 * <p>xavier: every weight N(0, (gain sqrt(2 / (fan_in + fan_out)))^2) with tanh's gain 5/3, biases 0, b3 = MU.
 */
final class GeneratorInit {
    static final int IN = 3;
    static final int HIDDEN = 5;
    static final int OUT = 2;
    private static final double TANH_GAIN = 5.0 / 3.0;

    /** W1 [5x3], W2 [5x5], W3 [2x5] row-major, b3 [2]; hidden biases are 0. */
    record Weights(double[][] w1, double[][] w2, double[][] w3, double[] b3) {
        /**
         * Writes these weights as run r's lane of a {@code [P][R]} parameter array (entry row * R + r, rows
         * numbered by the network: BatchedNet and LaneNet number them alike), each value passed through
         * {@code store} (a float batch's rounding). Hidden biases are left as they are (0).
         */
        void writeLane(double[] params, int r, int runs, WeightRow weightRow, IntBinaryOperator biasRow,
                       DoubleUnaryOperator store) {
            double[][][] layers = {w1, w2, w3};
            for (int l = 0; l < layers.length; l++) {
                for (int o = 0; o < layers[l].length; o++) {
                    for (int i = 0; i < layers[l][o].length; i++) {
                        params[weightRow.row(l, o, i) * runs + r] = store.applyAsDouble(layers[l][o][i]);
                    }
                }
            }
            for (int o = 0; o < OUT; o++) {
                params[biasRow.applyAsInt(2, o) * runs + r] = store.applyAsDouble(b3[o]);
            }
        }
    }

    /** A network's row of weight (out o, in i) of layer l. */
    @FunctionalInterface
    interface WeightRow {
        int row(int l, int o, int i);
    }

    private GeneratorInit() {
    }

    /** Run r's weights by its config's scheme, from its stream's initialization block. */
    static Weights of(String scheme, long block, double alpha, double[] mu, double[] sigma) {
        return scheme.equals("gaussian") ? gaussian(block, alpha, mu, sigma) : xavier(block, mu);
    }

    static Weights gaussian(long block, double alpha, double[] mu, double[] sigma) {
        int[] draw = {0};
        double s1 = alpha / (1.96 * Math.sqrt(IN));
        double[][] w1 = normal(block, draw, HIDDEN, IN, s1);
        double trace = 0;
        for (double[] row : w1) {
            for (double v : row) {
                trace += v * v;
            }
        }
        double s2 = alpha / (1.96 * Math.sqrt(trace));
        double[][] w2 = normal(block, draw, HIDDEN, HIDDEN, s2);
        RealMatrix jacobian = new Array2DRowRealMatrix(w2).multiply(new Array2DRowRealMatrix(w1));
        SingularValueDecomposition svd = new SingularValueDecomposition(jacobian);
        RealMatrix q = svd.getU();
        double[] s = svd.getSingularValues();
        double[][] w3 = new double[OUT][HIDDEN];
        for (int o = 0; o < OUT; o++) {
            // Row o of U S^-1 Q^T is (1 / s_o) times column o of Q.
            for (int h = 0; h < HIDDEN; h++) {
                w3[o][h] = sigma[o] * q.getEntry(h, o) / s[o];
            }
        }
        return new Weights(w1, w2, w3, mu.clone());
    }

    static Weights xavier(long block, double[] mu) {
        int[] draw = {0};
        double[][] w1 = normal(block, draw, HIDDEN, IN, TANH_GAIN * Math.sqrt(2.0 / (IN + HIDDEN)));
        double[][] w2 = normal(block, draw, HIDDEN, HIDDEN, TANH_GAIN * Math.sqrt(2.0 / (HIDDEN + HIDDEN)));
        double[][] w3 = normal(block, draw, OUT, HIDDEN, TANH_GAIN * Math.sqrt(2.0 / (HIDDEN + OUT)));
        return new Weights(w1, w2, w3, mu.clone());
    }

    private static double[][] normal(long block, int[] draw, int rows, int columns, double std) {
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                m[i][j] = std * RunStream.normal(block, draw[0]++);
            }
        }
        return m;
    }
}
