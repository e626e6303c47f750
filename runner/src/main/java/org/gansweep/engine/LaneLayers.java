package org.gansweep.engine;

/**
 * The loops of {@link LaneNet}'s layers on {@code [units][n][R]} buffers with {@code [P][R]} parameters:
 * every reduction runs in a fixed order inside a run's lane (over inputs i = 0, 1, ... or samples s = 0, 1,
 * ...), and a float run rounds every product and partial sum to float. With the Vector API loaded the same
 * loops run on {@link LaneVectors} (each lane the same operations in the same order, so the same bits);
 * without it, on the scalar versions here, which are also what the tests compare the vector ones with.
 */
final class LaneLayers {
    private static final boolean VECTOR = VectorApi.available();

    private LaneLayers() {
    }

    static double round(boolean single, double x) {
        return single ? (double) (float) x : x;
    }

    /**
     * y[o][s] = (sum over i of W[o][i] h[i][s]) + b[o] (no bias when biasRow is negative); W[o][i] is parameter
     * row weightRow + o * in + i.
     */
    static void affine(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y, int n,
                       int runs, boolean single, LaneScratch scratch) {
        if (!VECTOR) {
            affineScalar(p, weightRow, biasRow, out, in, h, y, n, runs, single);
            return;
        }
        if (LaneTiles.fits(runs, n)) {
            LaneTiles.affine(p, weightRow, biasRow, out, in, h, y, n, runs, single, scratch);
            return;
        }
        if (n < LaneFewSamples.FEW) {
            LaneFewSamples.affine(p, weightRow, biasRow, out, in, h, y, n, runs, single, scratch);
            return;
        }
        int plane = n * runs;
        int stride = LaneVectors.stride(runs);
        double[] pattern = scratch.get(LaneScratch.PATTERN, 4 * stride);
        float[] floats = scratch.floats(4 * stride);
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; ) {
                int count = in - i >= 4 ? 4 : 1;
                for (int k = 0; k < count; k++) {
                    LaneVectors.spread(p, weightRow + o * in + i + k, runs, pattern, floats, k * stride, single);
                }
                LaneVectorSums.multiplyAdd(y, o * plane, h, i * plane, plane, count, pattern, floats, runs, plane,
                        i == 0, single);
                i += count;
            }
            if (biasRow >= 0) {
                LaneVectors.spread(p, biasRow + o, runs, pattern, floats, 0, false);
                LaneVectors.addPattern(y, o * plane, pattern, runs, plane, single);
            }
        }
    }

    static void affineScalar(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y, int n,
                             int runs, boolean single) {
        int plane = n * runs;
        for (int o = 0; o < out; o++) {
            int yo = o * plane;
            for (int i = 0; i < in; i++) {
                int w = (weightRow + o * in + i) * runs;
                int hi = i * plane;
                for (int s = 0; s < plane; s += runs) {
                    for (int r = 0; r < runs; r++) {
                        double product = round(single, p[w + r] * h[hi + s + r]);
                        y[yo + s + r] = i == 0 ? product : round(single, y[yo + s + r] + product);
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
                           boolean single, LaneScratch scratch) {
        if (!VECTOR) {
            transposedScalar(p, weightRow, out, in, g, down, n, runs, single);
            return;
        }
        if (LaneTiles.fits(runs, n)) {
            LaneTiles.transposed(p, weightRow, out, in, g, down, n, runs, single, scratch);
            return;
        }
        if (n < LaneFewSamples.FEW) {
            LaneFewSamples.transposed(p, weightRow, out, in, g, down, n, runs, single, scratch);
            return;
        }
        int plane = n * runs;
        int stride = LaneVectors.stride(runs);
        double[] pattern = scratch.get(LaneScratch.PATTERN, 4 * stride);
        float[] floats = scratch.floats(4 * stride);
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; ) {
                int count = out - o >= 4 ? 4 : 1;
                for (int k = 0; k < count; k++) {
                    LaneVectors.spread(p, weightRow + (o + k) * in + i, runs, pattern, floats, k * stride, single);
                }
                LaneVectorSums.multiplyAdd(down, i * plane, g, o * plane, plane, count, pattern, floats, runs, plane,
                        o == 0, single);
                o += count;
            }
        }
    }

    static void transposedScalar(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n,
                                 int runs, boolean single) {
        int plane = n * runs;
        for (int i = 0; i < in; i++) {
            int di = i * plane;
            for (int o = 0; o < out; o++) {
                int w = (weightRow + o * in + i) * runs;
                int go = o * plane;
                for (int s = 0; s < plane; s += runs) {
                    for (int r = 0; r < runs; r++) {
                        double product = round(single, p[w + r] * g[go + s + r]);
                        down[di + s + r] = o == 0 ? product : round(single, down[di + s + r] + product);
                    }
                }
            }
        }
    }

    /**
     * A layer's parameter gradients from g = dLoss/d(pre-activation) and its input h: row weightRow + o * in + i
     * of grad gets (or, when add, is increased by) the sum over samples of g[o][s] h[i][s], and row biasRow + o
     * (unless negative) the sum over samples of g[o][s].
     */
    static void gradients(double[] grad, int weightRow, int biasRow, int out, int in, double[] g, double[] h, int n,
                          int runs, boolean single, boolean add, LaneScratch scratch) {
        if (!VECTOR) {
            gradientsScalar(grad, weightRow, biasRow, out, in, g, h, n, runs, single, add, scratch);
            return;
        }
        if (LaneTiles.fits(runs, n)) {
            LaneTiles.gradients(grad, weightRow, biasRow, out, in, g, h, n, runs, single, add, scratch);
            return;
        }
        // Sample-major copies ([n][units][R]) make each sum over samples a sum of whole rows: for output o the
        // weight gradients of all inputs (rows weightRow + o * in .. + in - 1, contiguous) are sum over s of
        // g[o][s] (a per-run pattern) times hT[s], in sample order, like a forward pass over samples.
        int stride = LaneVectors.stride(runs);
        int row = in * runs;
        double[] hT = sampleMajor(h, in, n, runs, scratch, LaneScratch.SAMPLE_MAJOR_H);
        double[] gT = sampleMajor(g, out, n, runs, scratch, LaneScratch.SAMPLE_MAJOR_G);
        double[] pattern = scratch.get(LaneScratch.PATTERN, 4 * stride);
        float[] floats = scratch.floats(4 * stride);
        double[] sums = scratch.get(LaneScratch.SUM, Math.max(row, out * runs));
        for (int o = 0; o < out; o++) {
            for (int s = 0; s < n; ) {
                int count = n - s >= 4 ? 4 : 1;
                for (int k = 0; k < count; k++) {
                    LaneVectors.spread(g, o * n + s + k, runs, pattern, floats, k * stride, single);
                }
                LaneVectorSums.multiplyAdd(sums, 0, hT, s * row, row, count, pattern, floats, runs, row, s == 0, single);
                s += count;
            }
            store(grad, (weightRow + o * in) * runs, sums, 0, row, single, add);
        }
        if (biasRow >= 0) {
            // Bias gradients: the rows gT[s] (all outputs at once) summed in sample order.
            System.arraycopy(gT, 0, sums, 0, out * runs);
            for (int s = 1; s < n; s++) {
                LaneVectors.add(sums, gT, s * out * runs, out * runs, single);
            }
            store(grad, biasRow * runs, sums, 0, out * runs, single, add);
        }
    }

    /** x {@code [units][n][R]} as {@code [n][units][R]} (x itself when n is 1). */
    private static double[] sampleMajor(double[] x, int units, int n, int runs, LaneScratch scratch, int slot) {
        if (n == 1) {
            return x;
        }
        double[] out = scratch.get(slot, units * n * runs);
        for (int u = 0; u < units; u++) {
            for (int s = 0; s < n; s++) {
                System.arraycopy(x, (u * n + s) * runs, out, (s * units + u) * runs, runs);
            }
        }
        return out;
    }

    static void gradientsScalar(double[] grad, int weightRow, int biasRow, int out, int in, double[] g, double[] h,
                                int n, int runs, boolean single, boolean add, LaneScratch scratch) {
        int plane = n * runs;
        double[] sum = scratch.get(LaneScratch.SUM, runs);
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
                store(grad, (weightRow + o * in + i) * runs, sum, 0, runs, single, add);
            }
        }
        if (biasRow >= 0) {
            sumSamples(grad, biasRow, out, g, n, runs, single, add, sum);
        }
    }

    /** Bias gradients: row biasRow + o gets (or is increased by) the sum over samples of g[o][s]. */
    private static void sumSamples(double[] grad, int biasRow, int out, double[] g, int n, int runs, boolean single,
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
            store(grad, (biasRow + o) * runs, sum, 0, runs, single, add);
        }
    }

    /** grad[at + k] = sum[from + k] for k < count, or increased by it when add. */
    private static void store(double[] grad, int at, double[] sum, int from, int count, boolean single, boolean add) {
        if (!add) {
            System.arraycopy(sum, from, grad, at, count);
            return;
        }
        for (int k = 0; k < count; k++) {
            grad[at + k] = round(single, grad[at + k] + sum[from + k]);
        }
    }

    /** v[k] = f(v[k]) for the first length entries, rounded. */
    static void activate(Activation activation, double[] v, int length, boolean single) {
        if (activation == Activation.LINEAR) {
            return;
        }
        if (VECTOR) {
            switch (activation) {
                case TANH -> LaneVectorMath.tanh(v, length, single);
                case SIGMOID -> LaneVectorMath.sigmoid(v, length, single);
                default -> LaneVectorMath.elu(v, length, single);
            }
            return;
        }
        activateScalar(activation, v, 0, length, single);
    }

    static void activateScalar(Activation activation, double[] v, int from, int to, boolean single) {
        for (int k = from; k < to; k++) {
            v[k] = round(single, activation.lane(v[k]));
        }
    }

    /** g[k] *= f'(x) given y[k] = f(x), for the first length entries. */
    static void multiplyDerivative(Activation activation, double[] y, double[] g, int length, boolean single) {
        if (activation == Activation.LINEAR) {
            return;
        }
        if (VECTOR) {
            LaneVectors.multiplyDerivative(activation, y, g, length, single);
            return;
        }
        for (int k = 0; k < length; k++) {
            g[k] = round(single, g[k] * activation.laneDerivative(y[k], single));
        }
    }
}
