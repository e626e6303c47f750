package org.gansweep.engine;

/**
 * {@link LaneNet#addR1Gradient}: {@link BatchedNet#addR1Gradient}'s second-order pass, step for step, on
 * lane buffers of its own (grown with n, reused across calls). The input gradient of the logit is itself a
 * network (W^T, f'), and the penalty's derivative runs back through it and then through the forward pass.
 */
final class LaneR1 {
    private final LaneNet net;
    private final int runs;
    private final int last;
    private final boolean single;
    private final double[] penalty;
    private final LaneScratch scratch;
    private int capacity;
    /** h[l]: layer l's input (h[0] is the caller's x); derivative[l], second[l]: f', f'' of hidden layer l. */
    private double[][] h;
    private double[][] derivative;
    private double[][] second;
    /** delta[l] = d logit / d pre-activation of layer l, v[l] = d logit / d h[l]. */
    private double[][] delta;
    private double[][] v;
    /** seed[l]: what reaches hidden pre-activation l from the input-gradient network. */
    private double[][] seed;
    /** Two buffers of the widest layer each, taking turns as vBar / deltaBar and as the downward gradient. */
    private double[][] turns;

    LaneR1(LaneNet net) {
        this.net = net;
        this.runs = net.runs;
        this.last = net.layers() - 1;
        this.single = net.single();
        penalty = new double[runs];
        scratch = net.scratch();
    }

    private double round(double x) {
        return single ? (double) (float) x : x;
    }

    private void reserve(int n) {
        if (n <= capacity) {
            return;
        }
        int[] sizes = net.sizes;
        int plane = n * runs;
        h = new double[last + 1][];
        derivative = new double[last][];
        second = new double[last][];
        delta = new double[last + 1][];
        v = new double[last + 1][];
        seed = new double[last][];
        int widest = 0;
        for (int l = 0; l <= last; l++) {
            h[l] = l == 0 ? null : new double[sizes[l] * plane];
            delta[l] = new double[sizes[l + 1] * plane];
            v[l] = new double[sizes[l] * plane];
            if (l < last) {
                derivative[l] = new double[sizes[l + 1] * plane];
                second[l] = new double[sizes[l + 1] * plane];
                seed[l] = new double[sizes[l + 1] * plane];
            }
            widest = Math.max(widest, Math.max(sizes[l], sizes[l + 1]));
        }
        turns = new double[][] {new double[widest * plane], new double[widest * plane]};
        capacity = n;
    }

    double[] add(double[] x, int n, double[] coefficient) {
        reserve(n);
        int[] sizes = net.sizes;
        double[] params = net.params;
        double[] grad = net.grad;
        int plane = n * runs;
        h[0] = x;
        for (int l = 0; l < last; l++) {
            int length = sizes[l + 1] * plane;
            LaneLayers.affine(params, net.weightOffset(l), net.biasOffset(l), sizes[l + 1], sizes[l], h[l], h[l + 1],
                    n, runs, single, scratch);
            Activation activation = net.activations[l];
            LaneLayers.activate(activation, h[l + 1], length, single);
            for (int k = 0; k < length; k++) {
                derivative[l][k] = activation.laneDerivative(h[l + 1][k], single);
                second[l][k] = activation.laneSecondDerivative(h[l + 1][k], single);
            }
        }
        java.util.Arrays.fill(delta[last], 0, sizes[last + 1] * plane, 1.0);
        for (int l = last; l >= 0; l--) {
            LaneLayers.transposed(params, net.weightOffset(l), sizes[l + 1], sizes[l], delta[l], v[l], n, runs, single,
                    scratch);
            if (l > 0) {
                multiply(v[l], derivative[l - 1], delta[l - 1], sizes[l] * plane);
            }
        }
        // penalty[r] = coefficient[r] * sum over inputs and samples of v[0]^2 (inputs outer, samples inner).
        int inputs = sizes[0] * plane;
        for (int r = 0; r < runs; r++) {
            double total = 0;
            for (int k = r; k < inputs; k += runs) {
                total = round(total + round(v[0][k] * v[0][k]));
            }
            penalty[r] = round(total * round(coefficient[r]));
        }
        double[] vBar = turns[0];
        for (int k = 0; k < inputs; k++) {
            vBar[k] = round(round(v[0][k] * round(coefficient[k % runs])) * 2.0);
        }
        for (int l = 0; l <= last; l++) {
            LaneLayers.gradients(grad, net.weightOffset(l), -1, sizes[l + 1], sizes[l], delta[l], vBar, n, runs, single,
                    true, scratch);
            if (l == last) {
                break;
            }
            double[] deltaBar = vBar == turns[0] ? turns[1] : turns[0];
            LaneLayers.affine(params, net.weightOffset(l), -1, sizes[l + 1], sizes[l], vBar, deltaBar, n, runs, single,
                    scratch);
            int length = sizes[l + 1] * plane;
            for (int k = 0; k < length; k++) {
                seed[l][k] = round(round(deltaBar[k] * v[l + 1][k]) * second[l][k]);
                deltaBar[k] = round(deltaBar[k] * derivative[l][k]);
            }
            vBar = deltaBar;
        }
        // Then back through the forward pass from the highest hidden pre-activation down.
        double[] g = last > 0 ? seed[last - 1] : null;
        for (int l = last - 1; l >= 0; l--) {
            LaneLayers.gradients(grad, net.weightOffset(l), net.biasOffset(l), sizes[l + 1], sizes[l], g, h[l], n, runs,
                    single, true, scratch);
            if (l > 0) {
                double[] down = g == turns[0] ? turns[1] : turns[0];
                LaneLayers.transposed(params, net.weightOffset(l), sizes[l + 1], sizes[l], g, down, n, runs, single,
                        scratch);
                int length = sizes[l] * plane;
                for (int k = 0; k < length; k++) {
                    down[k] = round(round(down[k] * derivative[l - 1][k]) + seed[l - 1][k]);
                }
                g = down;
            }
        }
        return penalty;
    }

    private void multiply(double[] a, double[] b, double[] out, int length) {
        for (int k = 0; k < length; k++) {
            out[k] = round(a[k] * b[k]);
        }
    }
}
