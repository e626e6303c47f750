package org.gansweep.engine.linear2d;

import static org.gansweep.engine.linear2d.Linear2dDiscriminator.HIDDEN1;
import static org.gansweep.engine.linear2d.Linear2dDiscriminator.HIDDEN2;
import static org.gansweep.engine.linear2d.Linear2dDiscriminator.IN;

/**
 * {@link Linear2dDiscriminator} for the fused kernel: the same 2-5-3-1 tanh D returning a logit, the same
 * {@code [37][R]} parameter rows (W1 column by column, b1, W2 row by row, b2, W3, b3), the same passes, in
 * plain Java over M inputs of each of R runs ({@code [units][M][R]} activations). Holds the buffers of one
 * pass; the backward pass is derived by hand and checked against finite differences in tests.
 */
final class Linear2dLaneDiscriminator {
    static final int W1 = 0;
    static final int B1 = HIDDEN1 * IN;
    static final int W2 = B1 + HIDDEN1;
    static final int B2 = W2 + HIDDEN2 * HIDDEN1;
    static final int W3 = B2 + HIDDEN2;
    static final int B3 = W3 + HIDDEN2;

    final int samples;
    /** D's input, [2][M][R]: coordinate i of sample s at (i * M + s) * R + r. */
    final double[] input;
    /** The hidden layers' outputs (tanh of the pre-activations), kept for backward and R1. */
    final double[] h1;
    final double[] h2;
    final double[] logit;
    /** Loss gradients at the pre-activations, kept by {@link #backward} for the gradient methods. */
    final double[] g1;
    final double[] g2;
    private final double[] params;
    private final Linear2dLanes lanes;

    /** params: D's [37][R] parameters, read at every pass (the optimizer updates them in place). */
    Linear2dLaneDiscriminator(double[] params, int samples, Linear2dLanes lanes) {
        this.params = params;
        this.samples = samples;
        this.lanes = lanes;
        int lane = samples * lanes.runs;
        input = new double[IN * lane];
        h1 = new double[HIDDEN1 * lane];
        h2 = new double[HIDDEN2 * lane];
        logit = new double[lane];
        g1 = new double[HIDDEN1 * lane];
        g2 = new double[HIDDEN2 * lane];
    }

    /** Evaluates the logit of {@link #input}. */
    void forward() {
        // h1[u] = tanh(W1[u, 0] x0 + W1[u, 1] x1 + b1[u]); W1[u, i] is row u + 5 i.
        lanes.linear(params, W1, 1, HIDDEN1, input, IN, h1, HIDDEN1, samples);
        lanes.addBias(h1, params, B1, HIDDEN1, samples, true);
        // h2[k] = tanh(sum over u of W2[k, u] h1[u] + b2[k]); W2[k, u] is row W2 + 5 k + u.
        lanes.linear(params, W2, HIDDEN1, 1, h1, HIDDEN1, h2, HIDDEN2, samples);
        lanes.addBias(h2, params, B2, HIDDEN2, samples, true);
        lanes.linear(params, W3, 0, 1, h2, HIDDEN2, logit, 1, samples);
        lanes.addBias(logit, params, B3, 1, samples, false);
    }

    /** Back-propagates dLoss/dLogit ([M][R]) to both layers' pre-activations (tanh' = 1 - tanh^2). */
    void backward(double[] gradLogit) {
        lanes.timesParameters(params, W3, gradLogit, 0, g2, HIDDEN2, samples);
        lanes.timesTanhDerivative(g2, h2, HIDDEN2 * samples);
        // g1[u] = sum over k of W2[k, u] g2[k]: row W2 + u + 5 k.
        lanes.linear(params, W2, 1, HIDDEN1, g2, HIDDEN2, g1, HIDDEN1, samples);
        lanes.timesTanhDerivative(g1, h1, HIDDEN1 * samples);
    }

    /** Writes dLoss/dParams into grad ([37][R]) after {@link #backward}, each a sum over the M samples. */
    void parameterGradients(double[] gradLogit, double[] grad) {
        lanes.sumOverSamples(gradLogit, 0, null, 0, samples, grad, B3, false);
        for (int k = 0; k < HIDDEN2; k++) {
            lanes.sumOverSamples(gradLogit, 0, h2, k, samples, grad, W3 + k, false);
            lanes.sumOverSamples(g2, k, null, 0, samples, grad, B2 + k, false);
            for (int u = 0; u < HIDDEN1; u++) {
                lanes.sumOverSamples(g2, k, h1, u, samples, grad, W2 + HIDDEN1 * k + u, false);
            }
        }
        for (int u = 0; u < HIDDEN1; u++) {
            lanes.sumOverSamples(g1, u, null, 0, samples, grad, B1 + u, false);
            for (int i = 0; i < IN; i++) {
                lanes.sumOverSamples(input, i, g1, u, samples, grad, W1 + HIDDEN1 * i + u, false);
            }
        }
    }

    /** Writes dLoss/dInput ([2][M][R]) after {@link #backward}: out[i] = sum over u of W1[u, i] g1[u]. */
    void inputGradient(double[] out) {
        inputGradient(g1, out);
    }

    /** out[i] = sum over u of W1[u, i] delta[u] for any [5][M][R] delta (R1 propagates its own). */
    void inputGradient(double[] delta, double[] out) {
        lanes.linear(params, W1, HIDDEN1, 1, delta, HIDDEN1, out, IN, samples);
    }
}
