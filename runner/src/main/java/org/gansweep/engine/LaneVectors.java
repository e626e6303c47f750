package org.gansweep.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneLayers}' loops on whole vectors, each lane the same operations in the same order as the scalar
 * loop (so the same bits at any vector width; checked bitwise in tests): the JIT does not vectorize the
 * float rounding {@code (double) (float) x} by itself, which made float runs several times slower than
 * double. A layer's weights repeat every R entries along the flattened {@code [n][R]} axis, so they are
 * spread into a pattern of R + vector length entries, loaded at j mod R. Needs the Vector API (check
 * {@link VectorApi#available()} before loading this class). Like {@link LaneVectorMath}, written without
 * helper methods on vectors (a helper the JIT leaves out of line runs as slow boxed code), hence the
 * repeated float rounding {@code convertShape(D2F).convertShape(F2D)}.
 */
final class LaneVectors {
    static final VectorSpecies<Double> SPECIES = LaneVectorMath.SPECIES;
    static final int LENGTH = SPECIES.length();
    private static final VectorSpecies<Float> FLOATS = LaneVectorMath.FLOATS;

    private LaneVectors() {
    }

    /** Entries per pattern for R runs: R, then the first vector length of them again. */
    static int stride(int runs) {
        return runs + LENGTH;
    }

    /** pattern[at + t] = p[row * R + t mod R] for t < R + vector length, and floats[at + t] the same as a float. */
    static void spread(double[] p, int row, int runs, double[] pattern, float[] floats, int at) {
        int stride = runs + LENGTH;
        for (int t = 0; t < stride; t += runs) {
            System.arraycopy(p, row * runs, pattern, at + t, Math.min(runs, stride - t));
        }
        for (int t = at; t < at + stride; t++) {
            floats[t] = (float) pattern[t];
        }
    }

    /** y[yo + j] += b(j) for j < length (b(j) = pattern[j mod R], a {@link #spread} pattern), rounded. */
    static void addPattern(double[] y, int yo, double[] pattern, int runs, int length, boolean single) {
        int step = LENGTH % runs;
        int j = 0;
        int t = 0;
        for (; j <= length - LENGTH; j += LENGTH) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, y, yo + j).add(DoubleVector.fromArray(SPECIES, pattern, t));
            if (single) {
                sum = (DoubleVector) sum.convertShape(VectorOperators.D2F, FLOATS, 0).convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            sum.intoArray(y, yo + j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
        for (; j < length; j++) {
            y[yo + j] = LaneLayers.round(single, y[yo + j] + pattern[j % runs]);
        }
    }

    /** y[k] += x[x0 + k] for k < length, rounded (a sum of rows in their order). */
    static void add(double[] y, double[] x, int x0, int length, boolean single) {
        int k = 0;
        for (; k <= length - LENGTH; k += LENGTH) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, y, k).add(DoubleVector.fromArray(SPECIES, x, x0 + k));
            if (single) {
                sum = (DoubleVector) sum.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            sum.intoArray(y, k);
        }
        for (; k < length; k++) {
            y[k] = LaneLayers.round(single, y[k] + x[x0 + k]);
        }
    }

    /** g[k] = g[k] f'(x) from y[k] = f(x) for k < length: {@link Activation#laneDerivative}'s formulas. */
    static void multiplyDerivative(Activation activation, double[] y, double[] g, int length, boolean single) {
        int k = 0;
        for (; k <= length - LENGTH; k += LENGTH) {
            DoubleVector yv = DoubleVector.fromArray(SPECIES, y, k);
            DoubleVector d;
            if (activation == Activation.TANH) {
                // 1 - y^2
                d = yv.mul(yv);
                if (single) {
                    d = (DoubleVector) d.convertShape(VectorOperators.D2F, FLOATS, 0).convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                d = DoubleVector.broadcast(SPECIES, 1.0).sub(d);
            } else if (activation == Activation.SIGMOID) {
                // (1 - y) y
                d = DoubleVector.broadcast(SPECIES, 1.0).sub(yv);
                if (single) {
                    d = (DoubleVector) d.convertShape(VectorOperators.D2F, FLOATS, 0).convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                d = d.mul(yv);
            } else {
                // ELU: min(y + 1, 1)
                d = yv.add(1.0);
            }
            if (single) {
                d = (DoubleVector) d.convertShape(VectorOperators.D2F, FLOATS, 0).convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            if (activation == Activation.ELU) {
                d = d.min(1.0);
            }
            DoubleVector product = DoubleVector.fromArray(SPECIES, g, k).mul(d);
            if (single) {
                product = (DoubleVector) product.convertShape(VectorOperators.D2F, FLOATS, 0).convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            product.intoArray(g, k);
        }
        for (; k < length; k++) {
            g[k] = LaneLayers.round(single, g[k] * activation.laneDerivative(y[k], single));
        }
    }
}
