package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LaneNet against central finite differences (double) and against BatchedNet on the same parameters and
 * inputs (double to 1e-12, float to float tolerance): forward, backward, input gradient and R1, for the
 * layer kinds the families use (tanh, sigmoid, ELU, linear). Also LaneNoise against ScaledNoise.
 */
class LaneNetTest {
    private static final int RUNS = 3;
    private static final int SAMPLES = 5;

    enum Net {
        TANH_G(new int[] {1, 5, 5, 1}, new Activation[] {Activation.TANH, Activation.TANH, Activation.LINEAR}),
        ELU_SIGMOID_G(new int[] {1, 4, 4, 1}, new Activation[] {Activation.ELU, Activation.SIGMOID, Activation.LINEAR}),
        TANH_D(new int[] {2, 4, 4, 1}, new Activation[] {Activation.TANH, Activation.TANH, Activation.SIGMOID}),
        SIGMOID_D(new int[] {4, 5, 5, 1}, new Activation[] {Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID}),
        ELU_D(new int[] {6, 5, 5, 1}, new Activation[] {Activation.ELU, Activation.ELU, Activation.SIGMOID});

        final int[] sizes;
        final Activation[] activations;

        Net(int[] sizes, Activation[] activations) {
            this.sizes = sizes;
            this.activations = activations;
        }

        Activation output() {
            return activations[activations.length - 1];
        }
    }

    /** A case: parameters, inputs, the loss's weights on the outputs and R1's coefficients, all in double. */
    private record Case(double[] params, double[] x, double[] outputWeights, double[] coefficient) {
        static Case of(Net kind) {
            Random random = new Random(11 + kind.ordinal());
            int parameters = new LaneNet(kind.sizes, kind.activations, RUNS, Precision.DOUBLE).params.length;
            double[] params = gaussian(random, parameters, 0.8);
            double[] x = gaussian(random, kind.sizes[0] * SAMPLES * RUNS, 1.0);
            double[] weights = gaussian(random, kind.sizes[kind.sizes.length - 1] * SAMPLES * RUNS, 1.0);
            return new Case(params, x, weights, new double[] {0.3, 1.7, 0.9});
        }
    }

    private static double[] gaussian(Random random, int length, double scale) {
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            values[k] = scale * random.nextGaussian();
        }
        return values;
    }

    private static LaneNet lane(Net kind, Precision precision, Case c) {
        LaneNet net = new LaneNet(kind.sizes, kind.activations, RUNS, precision);
        for (int k = 0; k < c.params.length; k++) {
            net.params[k] = LaneMath.round(precision == Precision.FLOAT, c.params[k]);
        }
        return net;
    }

    /** dLoss/d(last pre-activation) for loss = sum of weight * output, given the outputs. */
    private static double[] gradPre(Net kind, double[] y, double[] weights) {
        double[] g = new double[weights.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = weights[k] * kind.output().laneDerivative(y[k]);
        }
        return g;
    }

    private static double loss(LaneNet net, double[] x, double[] weights) {
        double[] y = net.forward(x, SAMPLES);
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            total += weights[k] * y[k];
        }
        return total;
    }

    /** R1's penalty through the ordinary backward: sum over runs of coefficient * ||d logit / dx||^2. */
    private static double penalty(LaneNet net, double[] x, double[] coefficient) {
        net.forward(x, SAMPLES);
        double[] ones = new double[SAMPLES * RUNS];
        java.util.Arrays.fill(ones, 1.0);
        double[] g = net.backward(ones);
        double total = 0;
        for (int k = 0; k < x.length; k++) {
            total += coefficient[k % RUNS] * g[k] * g[k];
        }
        return total;
    }

    private static void assertNumeric(double[] values, double[] analytic, DoubleSupplier loss, String what) {
        double h = FiniteDifferences.H;
        for (int k = 0; k < values.length; k++) {
            double original = values[k];
            values[k] = original + h;
            double up = loss.getAsDouble();
            values[k] = original - h;
            double down = loss.getAsDouble();
            values[k] = original;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic[k], 1e-7 * Math.max(1, Math.abs(numeric)), what + " entry " + k);
        }
    }

    @ParameterizedTest
    @EnumSource(Net.class)
    void parameterInputAndR1GradientsMatchFiniteDifferences(Net kind) {
        Case c = Case.of(kind);
        LaneNet net = lane(kind, Precision.DOUBLE, c);
        double[] y = net.forward(c.x, SAMPLES);
        double[] dx = net.backward(gradPre(kind, y, c.outputWeights)).clone();
        double[] grad = net.grad.clone();
        assertNumeric(net.params, grad, () -> loss(net, c.x, c.outputWeights), kind + " parameters");
        assertNumeric(c.x, dx, () -> loss(net, c.x, c.outputWeights), kind + " inputs");
        java.util.Arrays.fill(net.grad, 0.0);
        double[] reported = net.addR1Gradient(c.x, SAMPLES, c.coefficient).clone();
        double[] r1 = net.grad.clone();
        assertEquals(penalty(net, c.x, c.coefficient), reported[0] + reported[1] + reported[2], 1e-12);
        assertNumeric(net.params, r1, () -> penalty(net, c.x, c.coefficient), kind + " R1");
    }

    @ParameterizedTest
    @EnumSource(Net.class)
    void agreesWithBatchedNetInDouble(Net kind) {
        compareWithBatchedNet(kind, Precision.DOUBLE, 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Net.class)
    void agreesWithBatchedNetInFloatToFloatTolerance(Net kind) {
        compareWithBatchedNet(kind, Precision.FLOAT, 2e-5);
    }

    private void compareWithBatchedNet(Net kind, Precision precision, double tolerance) {
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        Case c = Case.of(kind);
        LaneNet net = lane(kind, precision, c);
        BatchedNet reference = new BatchedNet(kind.sizes, kind.activations, RUNS, dataType);
        reference.params.assign(Nd4j.createFromArray(c.params).reshape(net.parameterCount, RUNS).castTo(dataType));
        double[] x = rounded(c.x, precision);
        double[] y = net.forward(x, SAMPLES).clone();
        INDArray yReference = reference.forward(toNd4j(x, kind.sizes[0], dataType));
        assertClose(fromNd4j(yReference, kind.sizes[kind.sizes.length - 1]), y, tolerance, kind + " forward");
        double[] gradPre = rounded(gradPre(kind, y, c.outputWeights), precision);
        double[] dx = net.backward(gradPre);
        INDArray dxReference = reference.backward(toNd4j(gradPre, kind.sizes[kind.sizes.length - 1], dataType));
        assertClose(fromNd4j(dxReference, kind.sizes[0]), dx, tolerance, kind + " input gradient");
        assertClose(reference.grad.castTo(DataType.DOUBLE).data().asDouble(), net.grad, tolerance, kind + " grad");
        double[] penalty = net.addR1Gradient(x, SAMPLES, c.coefficient);
        double[] penaltyReference = reference.addR1Gradient(toNd4j(x, kind.sizes[0], dataType),
                Nd4j.createFromArray(c.coefficient).reshape(RUNS, 1, 1).castTo(dataType));
        assertClose(penaltyReference, penalty, tolerance, kind + " R1 penalty");
        assertClose(reference.grad.castTo(DataType.DOUBLE).data().asDouble(), net.grad, tolerance, kind + " R1 grad");
    }

    private static double[] rounded(double[] values, Precision precision) {
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = LaneMath.round(precision == Precision.FLOAT, values[k]);
        }
        return out;
    }

    /** [rows][n][R] -> ND4J's [R, rows, n]. */
    private static INDArray toNd4j(double[] lane, int rows, DataType dataType) {
        double[] host = new double[RUNS * rows * SAMPLES];
        for (int u = 0; u < rows; u++) {
            for (int s = 0; s < SAMPLES; s++) {
                for (int r = 0; r < RUNS; r++) {
                    host[(r * rows + u) * SAMPLES + s] = lane[(u * SAMPLES + s) * RUNS + r];
                }
            }
        }
        return Nd4j.createFromArray(host).reshape(RUNS, rows, SAMPLES).castTo(dataType);
    }

    private static double[] fromNd4j(INDArray array, int rows) {
        double[] host = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] lane = new double[host.length];
        for (int u = 0; u < rows; u++) {
            for (int s = 0; s < SAMPLES; s++) {
                for (int r = 0; r < RUNS; r++) {
                    lane[(u * SAMPLES + s) * RUNS + r] = host[(r * rows + u) * SAMPLES + s];
                }
            }
        }
        return lane;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tolerance * Math.max(1, Math.abs(expected[k])), what + " entry " + k);
        }
    }

    @Test
    void laneNoiseDrawsWhatScaledNoiseDraws() {
        RunStream[] streams = {new RunStream(1), new RunStream(2), new RunStream(3)};
        double[] std = {0.5, 0.0, 2.0};
        for (Precision precision : Precision.values()) {
            DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
            LaneNoise lane = new LaneNoise(streams, std, precision);
            ScaledNoise reference = new ScaledNoise(streams, std, dataType);
            double[] samples = new double[2 * SAMPLES * RUNS];
            lane.samples(7, 4, 3, 2, SAMPLES, samples);
            double[] expected = reference.samples(7, 4, 3, 2, SAMPLES).castTo(DataType.DOUBLE).data().asDouble();
            for (int u = 0; u < 2; u++) {
                for (int s = 0; s < SAMPLES; s++) {
                    for (int r = 0; r < RUNS; r++) {
                        assertEquals(expected[(r * 2 + u) * SAMPLES + s], samples[(u * SAMPLES + s) * RUNS + r], 0.0);
                    }
                }
            }
            double[] parameters = new double[4 * RUNS];
            lane.parameters(7, 5, 8, 4, parameters);
            assertClose(reference.parameters(7, 5, 8, 4).castTo(DataType.DOUBLE).data().asDouble(), parameters, 0.0,
                    "parameters " + precision);
        }
    }

    @Test
    void noisyCopiesAreTheGeneratorItselfWithoutWeightNoise() {
        LaneNet g = new LaneNet(new int[] {1, 2, 1}, new Activation[] {Activation.TANH, Activation.LINEAR}, 2,
                Precision.DOUBLE);
        LaneNoisyCopies copies = new LaneNoisyCopies(g, new double[] {0, 0},
                new RunStream[] {new RunStream(1), new RunStream(2)}, Precision.DOUBLE);
        assertSame(g, copies.copy(3, 5, 1));
    }
}
