package org.gansweep.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneLayers}' three loops for chunks of at least a vector of runs: a vector at
 * {@code s R + r0} is one sample of runs r0 .. r0 + LENGTH - 1, so a layer is computed a group of runs
 * and a sample at a time with each output's sum held in a register across all its inputs. That is one pass
 * over a layer's data instead of one per four inputs, and a float run converts each input to float once
 * instead of once per product. Every entry's sum has the same terms in the same order, rounded the same way,
 * as in the other loops, so the bits are theirs (checked bitwise in tests). Written without helper methods
 * on vectors, like
 * {@link LaneVectorMath}. Needs the Vector API.
 */
final class LaneTiles {
    private static final VectorSpecies<Double> SPECIES = LaneVectorMath.SPECIES;
    private static final VectorSpecies<Float> FLOATS = LaneVectorMath.FLOATS;
    private static final int LENGTH = SPECIES.length();

    private LaneTiles() {
    }

    /**
     * Whether R runs and n samples take these loops: at least a vector of runs, and enough samples to pay off.
     * Runs go in groups of a vector's length; when R is not a multiple of it, the last group is the last
     * LENGTH runs, overlapping the group before: its entries there are computed again, to the same bits.
     */
    static boolean fits(int runs, int n) {
        return runs >= LENGTH && n >= LaneFewSamples.FEW;
    }

    /** As {@link LaneLayers#affine}: y[o][s] = (sum over i of W[o][i] h[i][s]) + b[o]. */
    static void affine(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y, int n,
                       int runs, boolean single, LaneScratch scratch) {
        if (single) {
            affineFloats(p, weightRow, biasRow, out, in, h, y, n, runs, scratch);
        } else {
            affineDoubles(p, weightRow, biasRow, out, in, h, y, n, runs);
        }
    }

    /** As {@link LaneLayers#transposed}: down[i][s] = sum over o of W[o][i] g[o][s]. */
    static void transposed(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n, int runs,
                           boolean single, LaneScratch scratch) {
        if (single) {
            transposedFloats(p, weightRow, out, in, g, down, n, runs, scratch);
        } else {
            transposedDoubles(p, weightRow, out, in, g, down, n, runs);
        }
    }

    /** As {@link LaneLayers#gradients}: weight rows get sum over s of g[o][s] h[i][s], bias rows of g[o][s]. */
    static void gradients(double[] grad, int weightRow, int biasRow, int out, int in, double[] g, double[] h, int n,
                          int runs, boolean single, boolean add, LaneScratch scratch) {
        double[] sums = scratch.get(LaneScratch.SUM, 4 * LENGTH);
        if (single) {
            gradientFloats(grad, weightRow, biasRow, out, in, g, h, n, runs, add, sums, scratch);
        } else {
            gradientDoubles(grad, weightRow, biasRow, out, in, g, h, n, runs, add, sums);
        }
    }

    private static void affineDoubles(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y,
                                      int n, int runs) {
        int plane = n * runs;
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int s = 0; s < n; s++) {
                int at = s * runs + r0;
                for (int o = 0; o < out; o++) {
                    int w = (weightRow + o * in) * runs + r0;
                    DoubleVector sum = DoubleVector.fromArray(SPECIES, p, w).mul(DoubleVector.fromArray(SPECIES, h, at));
                    for (int i = 1; i < in; i++) {
                        sum = sum.add(DoubleVector.fromArray(SPECIES, p, w + i * runs)
                                .mul(DoubleVector.fromArray(SPECIES, h, i * plane + at)));
                    }
                    if (biasRow >= 0) {
                        sum = sum.add(DoubleVector.fromArray(SPECIES, p, (biasRow + o) * runs + r0));
                    }
                    sum.intoArray(y, o * plane + at);
                }
            }
        }
    }

    private static void affineFloats(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y,
                                     int n, int runs, LaneScratch scratch) {
        int plane = n * runs;
        int biasAt = out * in * runs;
        float[] w = scratch.floats(LaneScratch.TILE_WEIGHTS, biasAt + out * runs);
        toFloats(p, weightRow * runs, w, 0, out * in * runs);
        if (biasRow >= 0) {
            toFloats(p, biasRow * runs, w, biasAt, out * runs);
        }
        float[] x = scratch.floats(LaneScratch.TILE_INPUTS, in * LENGTH);
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int s = 0; s < n; s++) {
                int at = s * runs + r0;
                for (int i = 0; i < in; i++) {
                    ((FloatVector) DoubleVector.fromArray(SPECIES, h, i * plane + at)
                            .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(x, i * LENGTH);
                }
                for (int o = 0; o < out; o++) {
                    int wo = o * in * runs + r0;
                    FloatVector sum = FloatVector.fromArray(FLOATS, w, wo).mul(FloatVector.fromArray(FLOATS, x, 0));
                    for (int i = 1; i < in; i++) {
                        sum = sum.add(FloatVector.fromArray(FLOATS, w, wo + i * runs)
                                .mul(FloatVector.fromArray(FLOATS, x, i * LENGTH)));
                    }
                    if (biasRow >= 0) {
                        sum = sum.add(FloatVector.fromArray(FLOATS, w, biasAt + o * runs + r0));
                    }
                    ((DoubleVector) sum.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, o * plane + at);
                }
            }
        }
    }

    private static void transposedDoubles(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n,
                                          int runs) {
        int plane = n * runs;
        int wStride = in * runs;
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int s = 0; s < n; s++) {
                int at = s * runs + r0;
                for (int i = 0; i < in; i++) {
                    int w = (weightRow + i) * runs + r0;
                    DoubleVector sum = DoubleVector.fromArray(SPECIES, p, w).mul(DoubleVector.fromArray(SPECIES, g, at));
                    for (int o = 1; o < out; o++) {
                        sum = sum.add(DoubleVector.fromArray(SPECIES, p, w + o * wStride)
                                .mul(DoubleVector.fromArray(SPECIES, g, o * plane + at)));
                    }
                    sum.intoArray(down, i * plane + at);
                }
            }
        }
    }

    private static void transposedFloats(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n,
                                         int runs, LaneScratch scratch) {
        int plane = n * runs;
        int wStride = in * runs;
        float[] w = scratch.floats(LaneScratch.TILE_WEIGHTS, out * in * runs);
        toFloats(p, weightRow * runs, w, 0, out * in * runs);
        float[] x = scratch.floats(LaneScratch.TILE_INPUTS, out * LENGTH);
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int s = 0; s < n; s++) {
                int at = s * runs + r0;
                for (int o = 0; o < out; o++) {
                    ((FloatVector) DoubleVector.fromArray(SPECIES, g, o * plane + at)
                            .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(x, o * LENGTH);
                }
                for (int i = 0; i < in; i++) {
                    int wi = i * runs + r0;
                    FloatVector sum = FloatVector.fromArray(FLOATS, w, wi).mul(FloatVector.fromArray(FLOATS, x, 0));
                    for (int o = 1; o < out; o++) {
                        sum = sum.add(FloatVector.fromArray(FLOATS, w, wi + o * wStride)
                                .mul(FloatVector.fromArray(FLOATS, x, o * LENGTH)));
                    }
                    ((DoubleVector) sum.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(down, i * plane + at);
                }
            }
        }
    }

    /**
     * Four weight gradients of one output at a time, summed over samples in order (s = 0 is the first product);
     * g and h read in place: their entry (u, s) for runs r0.. is the vector at u n R + s R + r0.
     */
    private static void gradientDoubles(double[] grad, int weightRow, int biasRow, int out, int in, double[] g,
                                        double[] h, int n, int runs, boolean add, double[] sums) {
        int plane = n * runs;
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int o = 0; o < out; o++) {
                int go = o * plane + r0;
                int i = 0;
                for (; i + 4 <= in; i += 4) {
                    int h0 = i * plane + r0;
                    DoubleVector gv = DoubleVector.fromArray(SPECIES, g, go);
                    DoubleVector a0 = gv.mul(DoubleVector.fromArray(SPECIES, h, h0));
                    DoubleVector a1 = gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + plane));
                    DoubleVector a2 = gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + 2 * plane));
                    DoubleVector a3 = gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + 3 * plane));
                    for (int off = runs; off < plane; off += runs) {
                        gv = DoubleVector.fromArray(SPECIES, g, go + off);
                        a0 = a0.add(gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + off)));
                        a1 = a1.add(gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + plane + off)));
                        a2 = a2.add(gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + 2 * plane + off)));
                        a3 = a3.add(gv.mul(DoubleVector.fromArray(SPECIES, h, h0 + 3 * plane + off)));
                    }
                    a0.intoArray(sums, 0);
                    a1.intoArray(sums, LENGTH);
                    a2.intoArray(sums, 2 * LENGTH);
                    a3.intoArray(sums, 3 * LENGTH);
                    store(grad, weightRow + o * in + i, 4, runs, r0, group - r0, sums, false, add);
                }
                for (; i < in; i++) {
                    int hi = i * plane + r0;
                    DoubleVector a = DoubleVector.fromArray(SPECIES, g, go).mul(DoubleVector.fromArray(SPECIES, h, hi));
                    for (int off = runs; off < plane; off += runs) {
                        a = a.add(DoubleVector.fromArray(SPECIES, g, go + off)
                                .mul(DoubleVector.fromArray(SPECIES, h, hi + off)));
                    }
                    a.intoArray(sums, 0);
                    store(grad, weightRow + o * in + i, 1, runs, r0, group - r0, sums, false, add);
                }
                if (biasRow >= 0) {
                    DoubleVector b = DoubleVector.fromArray(SPECIES, g, go);
                    for (int off = runs; off < plane; off += runs) {
                        b = b.add(DoubleVector.fromArray(SPECIES, g, go + off));
                    }
                    b.intoArray(sums, 0);
                    store(grad, biasRow + o, 1, runs, r0, group - r0, sums, false, add);
                }
            }
        }
    }

    /**
     * {@link #gradientDoubles} for float runs: a group's g and h are first copied as floats, sample after
     * sample ({@code [units][n][LENGTH]}), so the sums read contiguous floats.
     */
    private static void gradientFloats(double[] grad, int weightRow, int biasRow, int out, int in, double[] g,
                                       double[] h, int n, int runs, boolean add, double[] sums, LaneScratch scratch) {
        int plane = n * runs;
        int row = n * LENGTH;
        float[] gf = scratch.floats(LaneScratch.TILE_OUTPUTS, out * row);
        float[] hf = scratch.floats(LaneScratch.TILE_INPUTS, in * row);
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int o = 0; o < out; o++) {
                for (int s = 0; s < n; s++) {
                    ((FloatVector) DoubleVector.fromArray(SPECIES, g, o * plane + s * runs + r0)
                            .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(gf, o * row + s * LENGTH);
                }
            }
            for (int i = 0; i < in; i++) {
                for (int s = 0; s < n; s++) {
                    ((FloatVector) DoubleVector.fromArray(SPECIES, h, i * plane + s * runs + r0)
                            .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(hf, i * row + s * LENGTH);
                }
            }
            for (int o = 0; o < out; o++) {
                int go = o * row;
                int i = 0;
                for (; i + 4 <= in; i += 4) {
                    int h0 = i * row;
                    FloatVector gv = FloatVector.fromArray(FLOATS, gf, go);
                    FloatVector a0 = gv.mul(FloatVector.fromArray(FLOATS, hf, h0));
                    FloatVector a1 = gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + row));
                    FloatVector a2 = gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + 2 * row));
                    FloatVector a3 = gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + 3 * row));
                    for (int off = LENGTH; off < row; off += LENGTH) {
                        gv = FloatVector.fromArray(FLOATS, gf, go + off);
                        a0 = a0.add(gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + off)));
                        a1 = a1.add(gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + row + off)));
                        a2 = a2.add(gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + 2 * row + off)));
                        a3 = a3.add(gv.mul(FloatVector.fromArray(FLOATS, hf, h0 + 3 * row + off)));
                    }
                    ((DoubleVector) a0.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(sums, 0);
                    ((DoubleVector) a1.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(sums, LENGTH);
                    ((DoubleVector) a2.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(sums, 2 * LENGTH);
                    ((DoubleVector) a3.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(sums, 3 * LENGTH);
                    store(grad, weightRow + o * in + i, 4, runs, r0, group - r0, sums, true, add);
                }
                for (; i < in; i++) {
                    int hi = i * row;
                    FloatVector a = FloatVector.fromArray(FLOATS, gf, go).mul(FloatVector.fromArray(FLOATS, hf, hi));
                    for (int off = LENGTH; off < row; off += LENGTH) {
                        a = a.add(FloatVector.fromArray(FLOATS, gf, go + off)
                                .mul(FloatVector.fromArray(FLOATS, hf, hi + off)));
                    }
                    ((DoubleVector) a.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(sums, 0);
                    store(grad, weightRow + o * in + i, 1, runs, r0, group - r0, sums, true, add);
                }
                if (biasRow >= 0) {
                    FloatVector b = FloatVector.fromArray(FLOATS, gf, go);
                    for (int off = LENGTH; off < row; off += LENGTH) {
                        b = b.add(FloatVector.fromArray(FLOATS, gf, go + off));
                    }
                    ((DoubleVector) b.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(sums, 0);
                    store(grad, biasRow + o, 1, runs, r0, group - r0, sums, true, add);
                }
            }
        }
    }

    /**
     * Rows first .. first + count - 1 of grad, runs r0 + done .. r0 + LENGTH - 1, get (or are increased by) sums:
     * the lanes before done belong to the group before, which the last group overlaps when R is not a whole
     * number of vectors (recomputing them is harmless, adding them twice would not be).
     */
    private static void store(double[] grad, int first, int count, int runs, int r0, int done, double[] sums,
                              boolean single, boolean add) {
        for (int k = 0; k < count; k++) {
            int at = (first + k) * runs + r0;
            for (int r = done; r < LENGTH; r++) {
                double sum = sums[k * LENGTH + r];
                grad[at + r] = add ? LaneLayers.round(single, grad[at + r] + sum) : sum;
            }
        }
    }

    /** to[at + k] = (float) from[from0 + k]: a float run's stored values, which floats hold exactly. */
    private static void toFloats(double[] from, int from0, float[] to, int at, int count) {
        for (int k = 0; k < count; k++) {
            to[at + k] = (float) from[from0 + k];
        }
    }
}
