package org.gansweep.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneLayers}' three loops for chunks of at least a vector of runs: a vector at {@code s R + r0} is
 * one sample of runs r0 .. r0 + LENGTH - 1, so a layer is computed a group of runs and a sample at a time
 * with the sums of four outputs held in registers across all their inputs. That is one pass over a layer's
 * data instead of one per four inputs, four independent additions in flight, and a float run converts each
 * input to float once instead of once per product. Every entry's sum has the same terms in the same order,
 * rounded the same way, as in the other loops, so the bits are theirs (checked bitwise in tests). Written
 * without helper methods on vectors, like {@link LaneVectorMath}, and twice, on doubles and on floats: the
 * Vector API has no type over both that the JIT still turns into vector instructions. Needs the Vector API.
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
            affineDoubles(p, weightRow, biasRow, out, in, h, y, n, runs, scratch);
        }
    }

    /** As {@link LaneLayers#transposed}: down[i][s] = sum over o of W[o][i] g[o][s]. */
    static void transposed(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n, int runs,
                           boolean single, LaneScratch scratch) {
        if (single) {
            transposedFloats(p, weightRow, out, in, g, down, n, runs, scratch);
        } else {
            transposedDoubles(p, weightRow, out, in, g, down, n, runs, scratch);
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
                                      int n, int runs, LaneScratch scratch) {
        sumsDoubles(p, weightRow, in, 1, biasRow, out, in, h, y, n, runs, scratch);
    }

    private static void transposedDoubles(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n,
                                          int runs, LaneScratch scratch) {
        sumsDoubles(p, weightRow, 1, in, -1, in, out, g, down, n, runs, scratch);
    }

    private static void affineFloats(double[] p, int weightRow, int biasRow, int out, int in, double[] h, double[] y,
                                     int n, int runs, LaneScratch scratch) {
        sumsFloats(p, weightRow, in, 1, biasRow, out, in, h, y, n, runs, scratch);
    }

    private static void transposedFloats(double[] p, int weightRow, int out, int in, double[] g, double[] down, int n,
                                         int runs, LaneScratch scratch) {
        sumsFloats(p, weightRow, 1, in, -1, in, out, g, down, n, runs, scratch);
    }

    /**
     * y[u][s] = (sum over k of W(u, k) x[k][s]) + b[u], k in order, for u below outputs: W(u, k) is parameter
     * row weightRow + u outRows + k termRows (affine: W[o][i] with outRows = in; transposed: u = i, k = o,
     * termRows = in), b[u] row biasRow + u (none when biasRow is negative). A group's weights are first copied
     * into a tile ({@code [row][LENGTH]}, a few KB that stay in the L1 cache across all samples); four outputs
     * at a time, so four independent sums are in flight and each input vector is loaded once for four.
     */
    private static void sumsDoubles(double[] p, int weightRow, int outRows, int termRows, int biasRow, int outputs,
                                    int terms, double[] x, double[] y, int n, int runs, LaneScratch scratch) {
        int plane = n * runs;
        int rows = outputs * terms;
        int outStride = outRows * LENGTH;
        int termStride = termRows * LENGTH;
        int biasAt = rows * LENGTH;
        double[] w = scratch.get(LaneScratch.TILE, biasAt + outputs * LENGTH);
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int q = 0; q < rows; q++) {
                DoubleVector.fromArray(SPECIES, p, (weightRow + q) * runs + r0).intoArray(w, q * LENGTH);
            }
            if (biasRow >= 0) {
                for (int u = 0; u < outputs; u++) {
                    DoubleVector.fromArray(SPECIES, p, (biasRow + u) * runs + r0).intoArray(w, biasAt + u * LENGTH);
                }
            }
            for (int s = 0; s < n; s++) {
                int at = s * runs + r0;
                int u = 0;
                for (; u + 4 <= outputs; u += 4) {
                    int wu = u * outStride;
                    DoubleVector xv = DoubleVector.fromArray(SPECIES, x, at);
                    DoubleVector s0 = DoubleVector.fromArray(SPECIES, w, wu).mul(xv);
                    DoubleVector s1 = DoubleVector.fromArray(SPECIES, w, wu + outStride).mul(xv);
                    DoubleVector s2 = DoubleVector.fromArray(SPECIES, w, wu + 2 * outStride).mul(xv);
                    DoubleVector s3 = DoubleVector.fromArray(SPECIES, w, wu + 3 * outStride).mul(xv);
                    for (int k = 1; k < terms; k++) {
                        xv = DoubleVector.fromArray(SPECIES, x, k * plane + at);
                        int wk = wu + k * termStride;
                        s0 = s0.add(DoubleVector.fromArray(SPECIES, w, wk).mul(xv));
                        s1 = s1.add(DoubleVector.fromArray(SPECIES, w, wk + outStride).mul(xv));
                        s2 = s2.add(DoubleVector.fromArray(SPECIES, w, wk + 2 * outStride).mul(xv));
                        s3 = s3.add(DoubleVector.fromArray(SPECIES, w, wk + 3 * outStride).mul(xv));
                    }
                    if (biasRow >= 0) {
                        int b = biasAt + u * LENGTH;
                        s0 = s0.add(DoubleVector.fromArray(SPECIES, w, b));
                        s1 = s1.add(DoubleVector.fromArray(SPECIES, w, b + LENGTH));
                        s2 = s2.add(DoubleVector.fromArray(SPECIES, w, b + 2 * LENGTH));
                        s3 = s3.add(DoubleVector.fromArray(SPECIES, w, b + 3 * LENGTH));
                    }
                    s0.intoArray(y, u * plane + at);
                    s1.intoArray(y, (u + 1) * plane + at);
                    s2.intoArray(y, (u + 2) * plane + at);
                    s3.intoArray(y, (u + 3) * plane + at);
                }
            }
            // The outputs left over (a layer of one to three outputs, or its last few): four samples at a time,
            // again four independent sums in flight.
            for (int u = outputs - outputs % 4; u < outputs; u++) {
                int wu = u * outStride;
                int s = 0;
                for (; s + 4 <= n; s += 4) {
                    int at = s * runs + r0;
                    DoubleVector wv = DoubleVector.fromArray(SPECIES, w, wu);
                    DoubleVector s0 = wv.mul(DoubleVector.fromArray(SPECIES, x, at));
                    DoubleVector s1 = wv.mul(DoubleVector.fromArray(SPECIES, x, at + runs));
                    DoubleVector s2 = wv.mul(DoubleVector.fromArray(SPECIES, x, at + 2 * runs));
                    DoubleVector s3 = wv.mul(DoubleVector.fromArray(SPECIES, x, at + 3 * runs));
                    for (int k = 1; k < terms; k++) {
                        wv = DoubleVector.fromArray(SPECIES, w, wu + k * termStride);
                        int xk = k * plane + at;
                        s0 = s0.add(wv.mul(DoubleVector.fromArray(SPECIES, x, xk)));
                        s1 = s1.add(wv.mul(DoubleVector.fromArray(SPECIES, x, xk + runs)));
                        s2 = s2.add(wv.mul(DoubleVector.fromArray(SPECIES, x, xk + 2 * runs)));
                        s3 = s3.add(wv.mul(DoubleVector.fromArray(SPECIES, x, xk + 3 * runs)));
                    }
                    if (biasRow >= 0) {
                        DoubleVector b = DoubleVector.fromArray(SPECIES, w, biasAt + u * LENGTH);
                        s0 = s0.add(b);
                        s1 = s1.add(b);
                        s2 = s2.add(b);
                        s3 = s3.add(b);
                    }
                    int yu = u * plane + at;
                    s0.intoArray(y, yu);
                    s1.intoArray(y, yu + runs);
                    s2.intoArray(y, yu + 2 * runs);
                    s3.intoArray(y, yu + 3 * runs);
                }
                for (; s < n; s++) {
                    int at = s * runs + r0;
                    DoubleVector sum = DoubleVector.fromArray(SPECIES, w, wu).mul(DoubleVector.fromArray(SPECIES, x, at));
                    for (int k = 1; k < terms; k++) {
                        sum = sum.add(DoubleVector.fromArray(SPECIES, w, wu + k * termStride)
                                .mul(DoubleVector.fromArray(SPECIES, x, k * plane + at)));
                    }
                    if (biasRow >= 0) {
                        sum = sum.add(DoubleVector.fromArray(SPECIES, w, biasAt + u * LENGTH));
                    }
                    sum.intoArray(y, u * plane + at);
                }
            }
        }
    }

    /** {@link #sumsDoubles} for float runs: the tile holds floats, and each input vector is converted once. */
    private static void sumsFloats(double[] p, int weightRow, int outRows, int termRows, int biasRow, int outputs,
                                   int terms, double[] x, double[] y, int n, int runs, LaneScratch scratch) {
        int plane = n * runs;
        int rows = outputs * terms;
        int outStride = outRows * LENGTH;
        int termStride = termRows * LENGTH;
        int biasAt = rows * LENGTH;
        float[] w = scratch.floats(LaneScratch.TILE_WEIGHTS, biasAt + outputs * LENGTH);
        float[] xf = scratch.floats(LaneScratch.TILE_INPUTS, terms * LENGTH);
        for (int group = 0; group < runs; group += LENGTH) {
            int r0 = Math.min(group, runs - LENGTH);
            for (int q = 0; q < rows; q++) {
                ((FloatVector) DoubleVector.fromArray(SPECIES, p, (weightRow + q) * runs + r0)
                        .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(w, q * LENGTH);
            }
            if (biasRow >= 0) {
                for (int u = 0; u < outputs; u++) {
                    ((FloatVector) DoubleVector.fromArray(SPECIES, p, (biasRow + u) * runs + r0)
                            .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(w, biasAt + u * LENGTH);
                }
            }
            for (int s = 0; s < n && outputs >= 4; s++) {
                int at = s * runs + r0;
                for (int k = 0; k < terms; k++) {
                    ((FloatVector) DoubleVector.fromArray(SPECIES, x, k * plane + at)
                            .convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(xf, k * LENGTH);
                }
                int u = 0;
                for (; u + 4 <= outputs; u += 4) {
                    int wu = u * outStride;
                    FloatVector xv = FloatVector.fromArray(FLOATS, xf, 0);
                    FloatVector s0 = FloatVector.fromArray(FLOATS, w, wu).mul(xv);
                    FloatVector s1 = FloatVector.fromArray(FLOATS, w, wu + outStride).mul(xv);
                    FloatVector s2 = FloatVector.fromArray(FLOATS, w, wu + 2 * outStride).mul(xv);
                    FloatVector s3 = FloatVector.fromArray(FLOATS, w, wu + 3 * outStride).mul(xv);
                    for (int k = 1; k < terms; k++) {
                        xv = FloatVector.fromArray(FLOATS, xf, k * LENGTH);
                        int wk = wu + k * termStride;
                        s0 = s0.add(FloatVector.fromArray(FLOATS, w, wk).mul(xv));
                        s1 = s1.add(FloatVector.fromArray(FLOATS, w, wk + outStride).mul(xv));
                        s2 = s2.add(FloatVector.fromArray(FLOATS, w, wk + 2 * outStride).mul(xv));
                        s3 = s3.add(FloatVector.fromArray(FLOATS, w, wk + 3 * outStride).mul(xv));
                    }
                    if (biasRow >= 0) {
                        int b = biasAt + u * LENGTH;
                        s0 = s0.add(FloatVector.fromArray(FLOATS, w, b));
                        s1 = s1.add(FloatVector.fromArray(FLOATS, w, b + LENGTH));
                        s2 = s2.add(FloatVector.fromArray(FLOATS, w, b + 2 * LENGTH));
                        s3 = s3.add(FloatVector.fromArray(FLOATS, w, b + 3 * LENGTH));
                    }
                    ((DoubleVector) s0.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, u * plane + at);
                    ((DoubleVector) s1.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, (u + 1) * plane + at);
                    ((DoubleVector) s2.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, (u + 2) * plane + at);
                    ((DoubleVector) s3.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, (u + 3) * plane + at);
                }
            }
            for (int u = outputs - outputs % 4; u < outputs; u++) {
                int wu = u * outStride;
                int s = 0;
                for (; s + 4 <= n; s += 4) {
                    int at = s * runs + r0;
                    FloatVector wv = FloatVector.fromArray(FLOATS, w, wu);
                    FloatVector s0 = wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, at)
                            .convertShape(VectorOperators.D2F, FLOATS, 0));
                    FloatVector s1 = wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, at + runs)
                            .convertShape(VectorOperators.D2F, FLOATS, 0));
                    FloatVector s2 = wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, at + 2 * runs)
                            .convertShape(VectorOperators.D2F, FLOATS, 0));
                    FloatVector s3 = wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, at + 3 * runs)
                            .convertShape(VectorOperators.D2F, FLOATS, 0));
                    for (int k = 1; k < terms; k++) {
                        wv = FloatVector.fromArray(FLOATS, w, wu + k * termStride);
                        int xk = k * plane + at;
                        s0 = s0.add(wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, xk)
                                .convertShape(VectorOperators.D2F, FLOATS, 0)));
                        s1 = s1.add(wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, xk + runs)
                                .convertShape(VectorOperators.D2F, FLOATS, 0)));
                        s2 = s2.add(wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, xk + 2 * runs)
                                .convertShape(VectorOperators.D2F, FLOATS, 0)));
                        s3 = s3.add(wv.mul((FloatVector) DoubleVector.fromArray(SPECIES, x, xk + 3 * runs)
                                .convertShape(VectorOperators.D2F, FLOATS, 0)));
                    }
                    if (biasRow >= 0) {
                        FloatVector b = FloatVector.fromArray(FLOATS, w, biasAt + u * LENGTH);
                        s0 = s0.add(b);
                        s1 = s1.add(b);
                        s2 = s2.add(b);
                        s3 = s3.add(b);
                    }
                    int yu = u * plane + at;
                    ((DoubleVector) s0.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, yu);
                    ((DoubleVector) s1.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, yu + runs);
                    ((DoubleVector) s2.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, yu + 2 * runs);
                    ((DoubleVector) s3.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, yu + 3 * runs);
                }
                for (; s < n; s++) {
                    int at = s * runs + r0;
                    FloatVector sum = FloatVector.fromArray(FLOATS, w, wu).mul((FloatVector) DoubleVector
                            .fromArray(SPECIES, x, at).convertShape(VectorOperators.D2F, FLOATS, 0));
                    for (int k = 1; k < terms; k++) {
                        sum = sum.add(FloatVector.fromArray(FLOATS, w, wu + k * termStride).mul((FloatVector) DoubleVector
                                .fromArray(SPECIES, x, k * plane + at).convertShape(VectorOperators.D2F, FLOATS, 0)));
                    }
                    if (biasRow >= 0) {
                        sum = sum.add(FloatVector.fromArray(FLOATS, w, biasAt + u * LENGTH));
                    }
                    ((DoubleVector) sum.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, u * plane + at);
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
}
