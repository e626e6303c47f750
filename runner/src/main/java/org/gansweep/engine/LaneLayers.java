package org.gansweep.engine;

/**
 * The loops of {@link LaneNet}'s layers on {@code [units][n][R]} buffers with {@code [P][R]} parameters:
 * every reduction runs in a fixed order inside a run's lane (over inputs i = 0, 1, ... or samples s = 0, 1,
 * ...), the innermost loop runs over the R contiguous lanes (so the JIT vectorizes it at any width with the
 * same bits), and a float run rounds every product and partial sum to float.
 */
final class LaneLayers {
    private LaneLayers() {
    }

    private static double round(boolean single, double x) {
        return single ? (double) (float) x : x;
    }

    /**
     * y[o][s] = (sum over i of W[o][i] h[i][s]) + b[o] (no bias when biasRow is negative); W[o][i] is parameter
     * row weightRow + o * in + i.
     */
    static void affine(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y, int n,
                       int runs, boolean single) {
        int plane = n * runs;
        for (int o = 0; o < out; o++) {
            int yo = o * plane;
            for (int i = 0; i < in; i++) {
                int w = (weightRow + o * in + i) * runs;
                int hi = i * plane;
                for (int s = 0; s < plane; s += runs) {
                    if (i == 0) {
                        for (int r = 0; r < runs; r++) {
                            y[yo + s + r] = round(single, p[w + r] * h[hi + s + r]);
                        }
                    } else {
                        for (int r = 0; r < runs; r++) {
                            y[yo + s + r] = round(single, y[yo + s + r] + round(single, p[w + r] * h[hi + s + r]));
                        }
                    }
                }
            }
            if (biasRow >= 0) {
                int b = (biasRow + o) * runs;
                for (int s = 0; s < plane; s += runs) {
                    for (int r = 0; r < runs; r++) {
                        y[yo + s + r] = round(single, y[yo + s + r] + p[b + r]);
                    }
                }
            }
        }
    }

    /** down[i][s] = sum over o of W[o][i] g[o][s]: the layer's transpose, for gradients flowing down. */
    static void transposed(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n, int runs,
                           boolean single) {
        int plane = n * runs;
        for (int i = 0; i < in; i++) {
            int di = i * plane;
            for (int o = 0; o < out; o++) {
                int w = (weightRow + o * in + i) * runs;
                int go = o * plane;
                for (int s = 0; s < plane; s += runs) {
                    if (o == 0) {
                        for (int r = 0; r < runs; r++) {
                            down[di + s + r] = round(single, p[w + r] * g[go + s + r]);
                        }
                    } else {
                        for (int r = 0; r < runs; r++) {
                            down[di + s + r] = round(single,
                                    down[di + s + r] + round(single, p[w + r] * g[go + s + r]));
                        }
                    }
                }
            }
        }
    }

    /**
     * Weight gradients: row weightRow + o * in + i of grad gets (or, when add, is increased by) the sum over
     * samples of g[o][s] h[i][s]; sum is a scratch lane of length R.
     */
    static void outer(double[] grad, int weightRow, int out, int in, double[] g, double[] h, int n, int runs,
                      boolean single, boolean add, double[] sum) {
        int plane = n * runs;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                int go = o * plane;
                int hi = i * plane;
                for (int r = 0; r < runs; r++) {
                    sum[r] = round(single, g[go + r] * h[hi + r]);
                }
                for (int s = runs; s < plane; s += runs) {
                    for (int r = 0; r < runs; r++) {
                        sum[r] = round(single, sum[r] + round(single, g[go + s + r] * h[hi + s + r]));
                    }
                }
                store(grad, (weightRow + o * in + i) * runs, sum, runs, single, add);
            }
        }
    }

    /** Bias gradients: row biasRow + o gets (or is increased by) the sum over samples of g[o][s]. */
    static void sumSamples(double[] grad, int biasRow, int out, double[] g, int n, int runs, boolean single,
                           boolean add, double[] sum) {
        int plane = n * runs;
        for (int o = 0; o < out; o++) {
            int go = o * plane;
            System.arraycopy(g, go, sum, 0, runs);
            for (int s = runs; s < plane; s += runs) {
                for (int r = 0; r < runs; r++) {
                    sum[r] = round(single, sum[r] + g[go + s + r]);
                }
            }
            store(grad, (biasRow + o) * runs, sum, runs, single, add);
        }
    }

    private static void store(double[] grad, int at, double[] sum, int runs, boolean single, boolean add) {
        for (int r = 0; r < runs; r++) {
            grad[at + r] = add ? round(single, grad[at + r] + sum[r]) : sum[r];
        }
    }

    /** v[k] = f(v[k]) for the first length entries, rounded. */
    static void activate(Activation activation, double[] v, int length, boolean single) {
        switch (activation) {
            case TANH -> {
                for (int k = 0; k < length; k++) {
                    v[k] = round(single, LaneMath.tanh(v[k]));
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < length; k++) {
                    v[k] = round(single, LaneMath.sigmoid(v[k]));
                }
            }
            case ELU -> {
                for (int k = 0; k < length; k++) {
                    v[k] = round(single, LaneMath.elu(v[k]));
                }
            }
            case LINEAR -> {
                // identity
            }
        }
    }

    /** g[k] *= f'(x) given y[k] = f(x), for the first length entries. */
    static void multiplyDerivative(Activation activation, double[] y, double[] g, int length, boolean single) {
        if (activation == Activation.LINEAR) {
            return;
        }
        for (int k = 0; k < length; k++) {
            g[k] = round(single, g[k] * activation.laneDerivative(y[k], single));
        }
    }
}
