package org.gansweep.engine.linear2d;

import static org.gansweep.engine.linear2d.Linear2dDiscriminator.HIDDEN1;
import static org.gansweep.engine.linear2d.Linear2dDiscriminator.HIDDEN2;
import static org.gansweep.engine.linear2d.Linear2dDiscriminator.IN;
import static org.gansweep.engine.linear2d.Linear2dLaneDiscriminator.B1;
import static org.gansweep.engine.linear2d.Linear2dLaneDiscriminator.B2;
import static org.gansweep.engine.linear2d.Linear2dLaneDiscriminator.W1;
import static org.gansweep.engine.linear2d.Linear2dLaneDiscriminator.W2;
import static org.gansweep.engine.linear2d.Linear2dLaneDiscriminator.W3;

/**
 * R1 for the fused kernel, {@code BatchedNet.addR1Gradient} written out for linear2d's D: the gradient of
 * coefficient[r] * sum over the B real rows of ||d logit / dx||^2 (coefficient = gamma / 4), added to D's
 * gradient. The input gradient v0 = d logit / dx is itself a network (W3, tanh', W2^T, tanh', W1^T); its
 * derivative runs back through that network (vBar, deltaBar), then through the forward pass (seed, g),
 * collecting tanh'' = -2 y (1 - y^2) on the way. Reads the real rows' activations from D's own pass (a pass
 * of its own would give the same bits). Holds its buffers; checked against finite differences of the
 * penalty in tests.
 */
final class Linear2dLaneR1 {
    private final Linear2dLanes lanes;
    private final double[] params;
    private final int samples;
    private final Linear2dLaneDiscriminator pass;
    private final double[] gradient;
    private final double[] d1;
    private final double[] s1;
    private final double[] d2;
    private final double[] s2;
    private final double[] delta1;
    private final double[] v1;
    private final double[] delta0;
    private final double[] v0;
    private final double[] bar0;
    private final double[] bar1;
    private final double[] bar2;
    private final double[] seed0;
    private final double[] seed1;
    private final double[] g0;

    Linear2dLaneR1(double[] params, int samples, Linear2dLanes lanes) {
        this.lanes = lanes;
        this.params = params;
        this.samples = samples;
        pass = new Linear2dLaneDiscriminator(params, samples, lanes);
        gradient = new double[params.length];
        int lane = samples * lanes.runs;
        d1 = new double[HIDDEN1 * lane];
        s1 = new double[HIDDEN1 * lane];
        d2 = new double[HIDDEN2 * lane];
        s2 = new double[HIDDEN2 * lane];
        delta1 = new double[HIDDEN2 * lane];
        v1 = new double[HIDDEN1 * lane];
        delta0 = new double[HIDDEN1 * lane];
        v0 = new double[IN * lane];
        bar0 = new double[HIDDEN1 * lane];
        bar1 = new double[HIDDEN2 * lane];
        bar2 = new double[IN * lane];
        seed0 = new double[HIDDEN1 * lane];
        seed1 = new double[HIDDEN2 * lane];
        g0 = new double[HIDDEN1 * lane];
    }

    /**
     * Adds R1's gradient to grad ([37][R]) for the runs whose coefficient is not 0 (the others' gradient is
     * left exactly as it was). dPass: D's pass after its forward, whose first B rows are the real rows as D
     * sees them (instance noise included).
     */
    void addGradient(Linear2dLaneDiscriminator dPass, double[] coefficient, double[] grad) {
        copyRealRows(dPass.input, pass.input, IN, dPass.samples);
        copyRealRows(dPass.h1, pass.h1, HIDDEN1, dPass.samples);
        copyRealRows(dPass.h2, pass.h2, HIDDEN2, dPass.samples);
        lanes.tanhDerivative(pass.h1, d1, HIDDEN1 * samples);
        lanes.tanhSecondDerivative(pass.h1, d1, s1, HIDDEN1 * samples);
        lanes.tanhDerivative(pass.h2, d2, HIDDEN2 * samples);
        lanes.tanhSecondDerivative(pass.h2, d2, s2, HIDDEN2 * samples);
        // The input gradient: v2 = W3 (d logit / d h2), delta1 = v2 tanh'(a2), v1 = W2^T delta1, delta0, v0.
        lanes.timesParameters(params, W3, d2, samples, delta1, HIDDEN2, samples);
        lanes.linear(params, W2, 1, HIDDEN1, delta1, HIDDEN2, v1, HIDDEN1, samples);
        lanes.multiply(v1, d1, delta0, HIDDEN1 * samples);
        pass.inputGradient(delta0, v0);
        // Back through the input-gradient network from vBar = 2 c v0; bar0 ... bar2 are deltaBar per layer.
        double[] vBar = bar2;
        lanes.scale(v0, coefficient, 2.0, vBar, IN * samples);
        for (int u = 0; u < HIDDEN1; u++) {
            for (int i = 0; i < IN; i++) {
                lanes.sumOverSamples(delta0, u, vBar, i, samples, gradient, W1 + HIDDEN1 * i + u, false);
            }
        }
        lanes.linear(params, W1, 1, HIDDEN1, vBar, IN, bar0, HIDDEN1, samples);
        lanes.multiply(bar0, v1, seed0, HIDDEN1 * samples);
        lanes.multiply(seed0, s1, seed0, HIDDEN1 * samples);
        lanes.multiply(bar0, d1, bar0, HIDDEN1 * samples);
        for (int k = 0; k < HIDDEN2; k++) {
            for (int u = 0; u < HIDDEN1; u++) {
                lanes.sumOverSamples(delta1, k, bar0, u, samples, gradient, W2 + HIDDEN1 * k + u, false);
            }
        }
        lanes.linear(params, W2, HIDDEN1, 1, bar0, HIDDEN1, bar1, HIDDEN2, samples);
        lanes.timesParameters(params, W3, bar1, samples, seed1, HIDDEN2, samples);
        lanes.multiply(seed1, s2, seed1, HIDDEN2 * samples);
        lanes.multiply(bar1, d2, bar1, HIDDEN2 * samples);
        for (int k = 0; k < HIDDEN2; k++) {
            // d logit / d pre-activation of the last layer is 1 for every sample: W3's term is vBar's sum.
            lanes.sumOverSamples(bar1, k, null, 0, samples, gradient, W3 + k, false);
        }
        // Then back through the forward pass: seed1 reaches layer 2's pre-activation, seed0 joins at layer 1.
        for (int k = 0; k < HIDDEN2; k++) {
            for (int u = 0; u < HIDDEN1; u++) {
                lanes.sumOverSamples(seed1, k, pass.h1, u, samples, gradient, W2 + HIDDEN1 * k + u, true);
            }
            lanes.sumOverSamples(seed1, k, null, 0, samples, gradient, B2 + k, false);
        }
        lanes.linear(params, W2, 1, HIDDEN1, seed1, HIDDEN2, g0, HIDDEN1, samples);
        lanes.multiply(g0, d1, g0, HIDDEN1 * samples);
        lanes.add(g0, seed0, g0, HIDDEN1 * samples);
        for (int u = 0; u < HIDDEN1; u++) {
            for (int i = 0; i < IN; i++) {
                lanes.sumOverSamples(g0, u, pass.input, i, samples, gradient, W1 + HIDDEN1 * i + u, true);
            }
            lanes.sumOverSamples(g0, u, null, 0, samples, gradient, B1 + u, false);
        }
        addWhereOn(coefficient, grad);
    }

    /** Rows 0..B-1 of each unit of a [units][M][R] array into a [units][B][R] one. */
    private void copyRealRows(double[] from, double[] to, int units, int fromSamples) {
        int runs = lanes.runs;
        int lane = samples * runs;
        for (int u = 0; u < units; u++) {
            System.arraycopy(from, u * fromSamples * runs, to, u * lane, lane);
        }
    }

    /** grad += R1's gradient in the lanes of runs with R1 (b3's row gets nothing: the input gradient lacks b3). */
    private void addWhereOn(double[] coefficient, double[] grad) {
        int runs = lanes.runs;
        for (int p = 0; p < Linear2dLaneDiscriminator.B3; p++) {
            int row = p * runs;
            for (int r = 0; r < runs; r++) {
                if (coefficient[r] != 0) {
                    grad[row + r] = lanes.round(grad[row + r] + gradient[row + r]);
                }
            }
        }
    }
}
