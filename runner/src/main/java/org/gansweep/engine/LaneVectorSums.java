package org.gansweep.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sums over a layer's inputs (forward, and its transpose backward) on whole vectors, four inputs per
 * pass so each output is loaded and stored once per four products: y = (((y + w0 x0) + w1 x1) + w2 x2) +
 * w3 x3, the same order and roundings as one input at a time. A float run computes on float vectors: its
 * stored values are floats, and float + and * on them give exactly the double results rounded to float, so
 * the bits equal the scalar loop's with two conversions per pass instead of two per operation. The weights
 * w_k(j) repeat every R entries along the flattened {@code [n][R]} axis: pattern k (at k (R + vector
 * length)) holds w_k's R values and then its first vector length values again, so the vector at j is the
 * one at j mod R in the pattern. Written without helper methods on vectors, like {@link LaneVectorMath}.
 */
final class LaneVectorSums {
    private static final VectorSpecies<Double> SPECIES = LaneVectorMath.SPECIES;
    private static final VectorSpecies<Float> FLOATS = LaneVectorMath.FLOATS;
    private static final int LENGTH = SPECIES.length();

    private LaneVectorSums() {
    }

    /**
     * For j < length: y[yo + j] = (first ? w_0 x_0 : y + w_0 x_0) + w_1 x_1 + ... (count terms, 1 or 4, in order),
     * x_k = x[x0 + k xStride + j]; doubles holds the patterns ({@link LaneVectors#spread}), floats the same as floats.
     */
    static void multiplyAdd(double[] y, int yo, double[] x, int x0, int xStride, int count, double[] doubles,
                            float[] floats, int runs, int length, boolean first, boolean single) {
        int vectors = count == 4 || count == 1 ? length - length % LENGTH : 0;
        if (count == 4 && single) {
            floats4(y, yo, x, x0, xStride, floats, runs, vectors, first);
        } else if (count == 4) {
            doubles4(y, yo, x, x0, xStride, doubles, runs, vectors, first);
        } else if (count == 1 && single) {
            floats1(y, yo, x, x0, floats, runs, vectors, first);
        } else if (count == 1) {
            doubles1(y, yo, x, x0, doubles, runs, vectors, first);
        }
        for (int j = vectors; j < length; j++) {
            double sum = first ? 0 : y[yo + j];
            for (int k = 0; k < count; k++) {
                double product = LaneLayers.round(single, doubles[k * (runs + LENGTH) + j % runs] * x[x0 + k * xStride + j]);
                sum = first && k == 0 ? product : LaneLayers.round(single, sum + product);
            }
            y[yo + j] = sum;
        }
    }

    private static void doubles4(double[] y, int yo, double[] x, int x0, int xStride, double[] w, int runs,
                                 int vectors, boolean first) {
        int x1 = x0 + xStride;
        int x2 = x1 + xStride;
        int x3 = x2 + xStride;
        int stride = runs + LENGTH;
        int step = LENGTH % runs;
        int t = 0;
        for (int j = 0; j < vectors; j += LENGTH) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, w, t).mul(DoubleVector.fromArray(SPECIES, x, x0 + j));
            if (!first) {
                sum = DoubleVector.fromArray(SPECIES, y, yo + j).add(sum);
            }
            sum = sum.add(DoubleVector.fromArray(SPECIES, w, stride + t).mul(DoubleVector.fromArray(SPECIES, x, x1 + j)));
            sum = sum.add(DoubleVector.fromArray(SPECIES, w, 2 * stride + t)
                    .mul(DoubleVector.fromArray(SPECIES, x, x2 + j)));
            sum = sum.add(DoubleVector.fromArray(SPECIES, w, 3 * stride + t)
                    .mul(DoubleVector.fromArray(SPECIES, x, x3 + j)));
            sum.intoArray(y, yo + j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
    }

    private static void floats4(double[] y, int yo, double[] x, int x0, int xStride, float[] w, int runs,
                                int vectors, boolean first) {
        int x1 = x0 + xStride;
        int x2 = x1 + xStride;
        int x3 = x2 + xStride;
        int stride = runs + LENGTH;
        int step = LENGTH % runs;
        int t = 0;
        for (int j = 0; j < vectors; j += LENGTH) {
            FloatVector sum = FloatVector.fromArray(FLOATS, w, t).mul((FloatVector) DoubleVector
                    .fromArray(SPECIES, x, x0 + j).convertShape(VectorOperators.D2F, FLOATS, 0));
            if (!first) {
                sum = ((FloatVector) DoubleVector.fromArray(SPECIES, y, yo + j)
                        .convertShape(VectorOperators.D2F, FLOATS, 0)).add(sum);
            }
            sum = sum.add(FloatVector.fromArray(FLOATS, w, stride + t).mul((FloatVector) DoubleVector
                    .fromArray(SPECIES, x, x1 + j).convertShape(VectorOperators.D2F, FLOATS, 0)));
            sum = sum.add(FloatVector.fromArray(FLOATS, w, 2 * stride + t).mul((FloatVector) DoubleVector
                    .fromArray(SPECIES, x, x2 + j).convertShape(VectorOperators.D2F, FLOATS, 0)));
            sum = sum.add(FloatVector.fromArray(FLOATS, w, 3 * stride + t).mul((FloatVector) DoubleVector
                    .fromArray(SPECIES, x, x3 + j).convertShape(VectorOperators.D2F, FLOATS, 0)));
            ((DoubleVector) sum.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, yo + j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
    }

    private static void doubles1(double[] y, int yo, double[] x, int x0, double[] w, int runs, int vectors,
                                 boolean first) {
        int step = LENGTH % runs;
        int t = 0;
        for (int j = 0; j < vectors; j += LENGTH) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, w, t).mul(DoubleVector.fromArray(SPECIES, x, x0 + j));
            if (!first) {
                sum = DoubleVector.fromArray(SPECIES, y, yo + j).add(sum);
            }
            sum.intoArray(y, yo + j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
    }

    private static void floats1(double[] y, int yo, double[] x, int x0, float[] w, int runs, int vectors,
                                boolean first) {
        int step = LENGTH % runs;
        int t = 0;
        for (int j = 0; j < vectors; j += LENGTH) {
            FloatVector sum = FloatVector.fromArray(FLOATS, w, t).mul((FloatVector) DoubleVector
                    .fromArray(SPECIES, x, x0 + j).convertShape(VectorOperators.D2F, FLOATS, 0));
            if (!first) {
                sum = ((FloatVector) DoubleVector.fromArray(SPECIES, y, yo + j)
                        .convertShape(VectorOperators.D2F, FLOATS, 0)).add(sum);
            }
            ((DoubleVector) sum.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(y, yo + j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
    }
}
