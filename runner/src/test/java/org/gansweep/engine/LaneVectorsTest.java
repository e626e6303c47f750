package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vector API loops of the lane layers give exactly the scalar loops' bits, in float and double, for run
 * counts that do and do not fill whole vectors (whole vectors of runs take LaneTiles' loops; others the patterns,
 * tails and padding of LaneVectorSums), and the
 * vector tanh, sigmoid and ELU exactly LaneMath's, including their branch points, saturation, huge, tiny,
 * signed-zero and non-finite inputs.
 */
class LaneVectorsTest {
    private static final int[] RUNS = {1, 3, 8, 10, 13, 16, 20};
    private static final int[] SAMPLES = {1, 3, 9, 12};

    @BeforeEach
    void vectorApiLoaded() {
        assumeTrue(VectorApi.available(), "the Vector API is not loaded");
    }

    private static double[] gaussian(Random random, int length) {
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            values[k] = random.nextGaussian();
        }
        return values;
    }

    private static double[] rounded(double[] values, boolean single) {
        double[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] = LaneLayers.round(single, out[k]);
        }
        return out;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(actual[k]),
                    what + " entry " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void layerLoopsGiveTheScalarLoopsBits(Precision precision) {
        boolean single = precision == Precision.FLOAT;
        Random random = new Random(3);
        // Blocks of four inputs or outputs, then single ones.
        for (int[] shape : new int[][] {{6, 5}, {9, 10}}) {
            layerLoops(single, precision, random, shape[0], shape[1]);
        }
    }

    private static void layerLoops(boolean single, Precision precision, Random random, int out, int in) {
        for (int runs : RUNS) {
            for (int n : SAMPLES) {
                String what = precision + " " + out + "x" + in + " R " + runs + " n " + n;
                double[] p = rounded(gaussian(random, (out * in + out) * runs), single);
                double[] h = rounded(gaussian(random, in * n * runs), single);
                double[] g = rounded(gaussian(random, out * n * runs), single);
                double[] y = new double[out * n * runs];
                double[] yScalar = new double[out * n * runs];
                LaneLayers.affine(p, 0, out * in, out, in, h, y, n, runs, single, new LaneScratch());
                LaneLayers.affineScalar(p, 0, out * in, out, in, h, yScalar, n, runs, single);
                assertBits(yScalar, y, what + " affine");
                double[] down = new double[in * n * runs];
                double[] downScalar = new double[in * n * runs];
                LaneLayers.transposed(p, 0, out, in, g, down, n, runs, single, new LaneScratch());
                LaneLayers.transposedScalar(p, 0, out, in, g, downScalar, n, runs, single);
                assertBits(downScalar, down, what + " transposed");
                for (boolean add : new boolean[] {false, true}) {
                    double[] grad = rounded(gaussian(random, p.length), single);
                    double[] gradScalar = grad.clone();
                    LaneLayers.gradients(grad, 0, out * in, out, in, g, h, n, runs, single, add, new LaneScratch());
                    LaneLayers.gradientsScalar(gradScalar, 0, out * in, out, in, g, h, n, runs, single, add,
                            new LaneScratch());
                    assertBits(gradScalar, grad, what + " gradients add " + add);
                }
            }
        }
    }

    /** Random values at several scales plus every branch point and special value of the functions. */
    private static double[] activationInputs() {
        Random random = new Random(9);
        double half = 0.5 * 6.93147180369123816490e-01;
        double[] special = {0.0, -0.0, half, -half, half / 2, -half / 2, Math.nextUp(half / 2), Math.nextDown(half),
            22.0, -22.0, Math.nextUp(22.0), 11.0, 21.99, -353.9, -354.0, -354.1, -700, -745.2, -800, 400, 710, 1e300,
            -1e300, 1e-310, -1e-310, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.0, -1.0, 0.5, -0.5};
        double[] values = new double[3000 + special.length];
        for (int k = 0; k < 3000; k++) {
            double scale = k < 1000 ? 1e-3 : k < 2000 ? 3.0 : 40.0;
            values[k] = scale * random.nextGaussian();
        }
        System.arraycopy(special, 0, values, 3000, special.length);
        return values;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "ELU"})
    void vectorActivationsGiveLaneMathsBits(Activation activation) {
        for (Precision precision : Precision.values()) {
            boolean single = precision == Precision.FLOAT;
            double[] x = activationInputs();
            double[] expected = x.clone();
            LaneLayers.activateScalar(activation, expected, 0, expected.length, single);
            // Every alignment of the special values against the vector lanes.
            for (int shift = 0; shift < LaneVectors.LENGTH; shift++) {
                double[] shifted = new double[x.length + shift];
                System.arraycopy(x, 0, shifted, shift, x.length);
                LaneLayers.activate(activation, shifted, shifted.length, single);
                double[] back = java.util.Arrays.copyOfRange(shifted, shift, shifted.length);
                assertBits(expected, back, activation + " " + precision + " shift " + shift);
            }
            double[] g = rounded(gaussian(new Random(4), expected.length), single);
            double[] gScalar = g.clone();
            LaneLayers.multiplyDerivative(activation, expected, g, g.length, single);
            for (int k = 0; k < gScalar.length; k++) {
                gScalar[k] = LaneLayers.round(single, gScalar[k] * activation.laneDerivative(expected[k], single));
            }
            assertBits(gScalar, g, activation + " " + precision + " derivative");
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void adamOnVectorsGivesTheScalarLoopsBits(Precision precision) {
        boolean single = precision == Precision.FLOAT;
        for (int runs : RUNS) {
            Random random = new Random(runs);
            int parameters = 13;
            double[] lr = new double[runs];
            double[] decay = new double[runs];
            double[] beta1 = new double[runs];
            double[] beta2 = new double[runs];
            double[] eps = new double[runs];
            for (int r = 0; r < runs; r++) {
                lr[r] = 1e-3 * (1 + r);
                decay[r] = r % 2 == 0 ? 0 : 0.01;
                beta1[r] = 0.9 - 0.01 * r;
                beta2[r] = 0.999;
                eps[r] = 1e-8;
            }
            LaneOptimizer.Rows rows = new LaneOptimizer.Rows(lr, decay, new double[runs], beta1, beta2, eps);
            LaneOptimizer vector = new LaneOptimizer(BatchedOptimizer.Kind.ADAM, parameters, rows, precision);
            LaneOptimizer scalar = new LaneOptimizer(BatchedOptimizer.Kind.ADAM, parameters, rows, precision);
            scalar.useScalarLoop();
            double[] p = rounded(gaussian(random, parameters * runs), single);
            double[] q = p.clone();
            for (int step = 0; step < 3; step++) {
                double[] grad = rounded(gaussian(random, parameters * runs), single);
                vector.step(p, grad.clone());
                scalar.step(q, grad.clone());
                if (step == 1) {
                    vector.freezeRun(0);
                    scalar.freezeRun(0);
                }
            }
            assertBits(q, p, precision + " R " + runs + " adam");
        }
    }
}
