package org.gansweep.engine;

/**
 * {@link LaneLayers}' affine and transposed loops for layers that see only a few samples (a discriminator
 * judging whole minibatches sees 1 + K inputs): the vectors then run along a layer's units instead of its
 * samples, sample by sample, so they stay long. Each entry's sum still runs over the same terms in the same
 * order, so the bits are those of the other loops. Needs the Vector API.
 */
final class LaneFewSamples {
    /** Below this many samples per call the unit-major loops win. */
    static final int FEW = 8;

    private LaneFewSamples() {
    }

    /**
     * y[o][s] = (sum over i of W[o][i] h[i][s]) + b[o], computed per sample s as a sum over i of h[i][s] (a
     * per-run pattern) times the row W^T[i] = (W[o][i], all o), then copied back to {@code [out][n][R]}.
     */
    static void affine(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y, int n,
                       int runs, boolean single, LaneScratch scratch) {
        int row = out * runs;
        double[] transposedWeights = scratch.get(LaneScratch.UNIT_MAJOR_W, in * row);
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                System.arraycopy(p, (weightRow + o * in + i) * runs, transposedWeights, i * row + o * runs, runs);
            }
        }
        double[] byUnit = scratch.get(LaneScratch.UNIT_MAJOR_Y, n * row);
        int stride = LaneVectors.stride(runs);
        double[] pattern = scratch.get(LaneScratch.PATTERN, 4 * stride);
        float[] floats = scratch.floats(4 * stride);
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < in; ) {
                int count = in - i >= 4 ? 4 : 1;
                for (int k = 0; k < count; k++) {
                    LaneVectors.spread(h, (i + k) * n + s, runs, pattern, floats, k * stride, single);
                }
                LaneVectorSums.multiplyAdd(byUnit, s * row, transposedWeights, i * row, row, count, pattern, floats,
                        runs, row, i == 0, single);
                i += count;
            }
            if (biasRow >= 0) {
                LaneVectors.addRow(byUnit, s * row, p, biasRow * runs, row, single);
            }
        }
        backToSampleRows(byUnit, y, out, n, runs);
    }

    /**
     * down[i][s] = sum over o of W[o][i] g[o][s], computed per sample s as a sum over o of g[o][s] (a per-run
     * pattern) times the parameter block W[o] = (W[o][i], all i), then copied back to {@code [in][n][R]}.
     */
    static void transposed(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n, int runs,
                           boolean single, LaneScratch scratch) {
        int row = in * runs;
        double[] byUnit = scratch.get(LaneScratch.UNIT_MAJOR_Y, n * row);
        int stride = LaneVectors.stride(runs);
        double[] pattern = scratch.get(LaneScratch.PATTERN, 4 * stride);
        float[] floats = scratch.floats(4 * stride);
        for (int s = 0; s < n; s++) {
            for (int o = 0; o < out; ) {
                int count = out - o >= 4 ? 4 : 1;
                for (int k = 0; k < count; k++) {
                    LaneVectors.spread(g, (o + k) * n + s, runs, pattern, floats, k * stride, single);
                }
                LaneVectorSums.multiplyAdd(byUnit, s * row, p, (weightRow + o * in) * runs, row, count, pattern,
                        floats, runs, row, o == 0, single);
                o += count;
            }
        }
        backToSampleRows(byUnit, down, in, n, runs);
    }

    /** x {@code [n][units][R]} into y {@code [units][n][R]}. */
    private static void backToSampleRows(double[] x, double[] y, int units, int n, int runs) {
        for (int s = 0; s < n; s++) {
            for (int u = 0; u < units; u++) {
                System.arraycopy(x, (s * units + u) * runs, y, (u * n + s) * runs, runs);
            }
        }
    }
}
