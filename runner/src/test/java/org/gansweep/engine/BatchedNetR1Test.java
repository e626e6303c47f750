package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * R1's second-order gradient against central finite differences of the penalty, in double, for the three
 * discriminators the families use (gaussinit's tanh MLP, gauss1d v2018's sigmoid and v2017's ELU one). The
 * penalty is recomputed through the ordinary backward pass (d sum(logit) / dx with the output's gradient set
 * to 1), a path independent of the one under test.
 */
class BatchedNetR1Test {
    private static final int RUNS = 2;
    private static final int SAMPLES = 5;

    enum Net {
        GAUSSINIT(new int[] {2, 4, 4, 1}, new Activation[] {Activation.TANH, Activation.TANH, Activation.SIGMOID}),
        V2018(new int[] {4, 5, 5, 1}, new Activation[] {Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID}),
        V2017(new int[] {6, 5, 5, 1}, new Activation[] {Activation.ELU, Activation.ELU, Activation.SIGMOID});

        final int[] sizes;
        final Activation[] activations;

        Net(int[] sizes, Activation[] activations) {
            this.sizes = sizes;
            this.activations = activations;
        }
    }

    /** sum over runs of coefficient[r] * sum over samples of ||d logit / dx||^2, by the ordinary backward. */
    private static double penalty(BatchedNet net, INDArray x, double[] coefficient) {
        net.forward(x);
        double[] g = net.backward(Nd4j.ones(DataType.DOUBLE, RUNS, 1, SAMPLES)).dup().data().asDouble();
        int per = g.length / RUNS;
        double total = 0;
        for (int r = 0; r < RUNS; r++) {
            for (int i = 0; i < per; i++) {
                total += coefficient[r] * g[r * per + i] * g[r * per + i];
            }
        }
        return total;
    }

    @ParameterizedTest
    @EnumSource(Net.class)
    void theR1GradientMatchesFiniteDifferencesOfThePenalty(Net kind) {
        Nd4j.getRandom().setSeed(7);
        BatchedNet net = new BatchedNet(kind.sizes, kind.activations, RUNS, DataType.DOUBLE);
        net.params.assign(Nd4j.randn(DataType.DOUBLE, net.parameterCount, RUNS).muli(0.8));
        INDArray x = Nd4j.randn(DataType.DOUBLE, RUNS, kind.sizes[0], SAMPLES);
        double[] coefficient = {0.3, 1.7};
        INDArray c = Nd4j.createFromArray(coefficient).reshape(RUNS, 1, 1);
        net.grad.assign(0.0);
        double[] reported = net.addR1Gradient(x, c);
        INDArray analytic = net.grad.dup();
        assertEquals(penalty(net, x, coefficient), reported[0] + reported[1], 1e-12);
        FiniteDifferences.assertGradient(net.params, analytic, () -> penalty(net, x, coefficient),
                FiniteDifferences.allRows(net.params), 1e-7, kind.toString());
    }
}
