package org.gansweep.engine.gauss1d;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneMoments}' passes on whole vectors over runs padded to whole vectors ({@code [n][lanes]}): each
 * lane the scalar pass's operations in the same order (sums over samples in sample order), so the same bits;
 * padding lanes compute garbage that is never read. No helper methods on vectors (see LaneVectorMath). Needs
 * the Vector API.
 */
final class MomentsVectors {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));
    static final int LENGTH = SPECIES.length();

    private MomentsVectors() {
    }

    /** mean[q..] = round(sum over s of x / n), for every lane block q. */
    static void mean(double[] x, int n, int lanes, boolean single, double[] mean) {
        for (int q = 0; q < lanes; q += LENGTH) {
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int s = 0; s < n; s++) {
                sum = sum.add(DoubleVector.fromArray(SPECIES, x, s * lanes + q));
                if (single) {
                    sum = (DoubleVector) sum.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
            }
            DoubleVector m = sum.div(n);
            if (single) {
                m = (DoubleVector) m.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            m.intoArray(mean, q);
        }
    }

    /** d = x - mean into z, and std[q..] = sqrt(sum over s of d^2 / n), rounded per operation. */
    static void deviations(double[] x, int n, int lanes, boolean single, double[] mean, double[] z, double[] std) {
        for (int q = 0; q < lanes; q += LENGTH) {
            DoubleVector m = DoubleVector.fromArray(SPECIES, mean, q);
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int s = 0; s < n; s++) {
                DoubleVector d = DoubleVector.fromArray(SPECIES, x, s * lanes + q).sub(m);
                if (single) {
                    d = (DoubleVector) d.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                d.intoArray(z, s * lanes + q);
                DoubleVector square = d.mul(d);
                if (single) {
                    square = (DoubleVector) square.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                sum = sum.add(square);
                if (single) {
                    sum = (DoubleVector) sum.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
            }
            DoubleVector variance = sum.div(n);
            if (single) {
                variance = (DoubleVector) variance.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            DoubleVector root = variance.sqrt();
            if (single) {
                root = (DoubleVector) root.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            root.intoArray(std, q);
        }
    }

    /** z = d / std in place, and the sums over s of z^3 (cubes) and z^4 (fourths), rounded per operation. */
    static void standardize(double[] z, int n, int lanes, boolean single, double[] std, double[] cubes,
                            double[] fourths) {
        for (int q = 0; q < lanes; q += LENGTH) {
            DoubleVector sd = DoubleVector.fromArray(SPECIES, std, q);
            DoubleVector sum3 = DoubleVector.zero(SPECIES);
            DoubleVector sum4 = DoubleVector.zero(SPECIES);
            for (int s = 0; s < n; s++) {
                DoubleVector zi = DoubleVector.fromArray(SPECIES, z, s * lanes + q).div(sd);
                if (single) {
                    zi = (DoubleVector) zi.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                zi.intoArray(z, s * lanes + q);
                DoubleVector z2 = zi.mul(zi);
                if (single) {
                    z2 = (DoubleVector) z2.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                DoubleVector z3 = z2.mul(zi);
                DoubleVector z4 = z2.mul(z2);
                if (single) {
                    z3 = (DoubleVector) z3.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                    z4 = (DoubleVector) z4.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                sum3 = sum3.add(z3);
                sum4 = sum4.add(z4);
                if (single) {
                    sum3 = (DoubleVector) sum3.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                    sum4 = (DoubleVector) sum4.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
            }
            sum3.intoArray(cubes, q);
            sum4.intoArray(fourths, q);
        }
    }

    /** dx = ((z b + a) z + c1) z + c0 per sample, every operation rounded; coefficients per lane. */
    static void cubic(double[] z, int n, int lanes, boolean single, double[] a, double[] b, double[] c0, double[] c1,
                      double[] dx) {
        for (int q = 0; q < lanes; q += LENGTH) {
            DoubleVector av = DoubleVector.fromArray(SPECIES, a, q);
            DoubleVector bv = DoubleVector.fromArray(SPECIES, b, q);
            DoubleVector c0v = DoubleVector.fromArray(SPECIES, c0, q);
            DoubleVector c1v = DoubleVector.fromArray(SPECIES, c1, q);
            for (int s = 0; s < n; s++) {
                DoubleVector zi = DoubleVector.fromArray(SPECIES, z, s * lanes + q);
                DoubleVector g = zi.mul(bv);
                if (single) {
                    g = (DoubleVector) g.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                g = g.add(av);
                if (single) {
                    g = (DoubleVector) g.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                g = g.mul(zi);
                if (single) {
                    g = (DoubleVector) g.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                g = g.add(c1v);
                if (single) {
                    g = (DoubleVector) g.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                g = g.mul(zi);
                if (single) {
                    g = (DoubleVector) g.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                g = g.add(c0v);
                if (single) {
                    g = (DoubleVector) g.convertShape(VectorOperators.D2F, FLOATS, 0)
                            .convertShape(VectorOperators.F2D, SPECIES, 0);
                }
                g.intoArray(dx, s * lanes + q);
            }
        }
    }
}
