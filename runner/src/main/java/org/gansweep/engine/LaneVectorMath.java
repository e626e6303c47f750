package org.gansweep.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneMath}'s tanh, sigmoid and ELU on whole vectors, with the same operations in the same order, so
 * every lane gets exactly the bits of the scalar function (checked bitwise in tests): Math.rint becomes the
 * exact magic-number rounding (|x| < 2^51), Math.scalb an exact multiplication by 2^k built from bits (k
 * within +-511, where scalb is one exact product), branches become blends. A vector holding a lane outside
 * that range, or NaN, is left to the scalar function (the lanes stay in place, so the bits do not depend on
 * the vector width). Only + - * / and bit moves, which every processor computes alike. Needs the Vector API
 * (check {@link VectorApi#available()} before loading this class).
 *
 * <p>Written without helper methods on vectors, and one loop method per function: the JIT must inline every
 * Vector API call into one compilation to turn it into instructions, and a helper it leaves out of line (or
 * a dispatcher inlining all three functions past its budget) falls back to slow boxed code.
 */
final class LaneVectorMath {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Floats with as many lanes as the double vector, so the float rounding is two single instructions. */
    static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));
    private static final int LENGTH = SPECIES.length();
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double HALF_LN2_HI = 0.5 * LN2_HI;
    /** 1.5 * 2^52: t + MAGIC - MAGIC is t rounded to the nearest integer, ties to even, for |t| < 2^51. */
    private static final double MAGIC = 0x1.8p52;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    private static final long SIGN = 0x8000000000000000L;
    /** |exp argument| below this keeps k within +-511 (no overflow, no subnormal result). */
    private static final double SAFE_EXP = 354.0;
    /** 1 / k! for k = 1..13, LaneMath's Taylor coefficients. */
    private static final double[] INVERSE_FACTORIAL = new double[14];

    static {
        double factorial = 1;
        for (int k = 1; k < INVERSE_FACTORIAL.length; k++) {
            factorial *= k;
            INVERSE_FACTORIAL[k] = 1 / factorial;
        }
    }

    private LaneVectorMath() {
    }

    /** v[k] = tanh(v[k]) for k < length, rounded when single: {@link LaneMath#tanh}'s bits. */
    static void tanh(double[] v, int length, boolean single) {
        int at = 0;
        for (; at <= length - LENGTH; at += LENGTH) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, v, at);
            if (x.compare(VectorOperators.NE, x).anyTrue()) {
                scalar(Activation.TANH, v, at, at + LENGTH, single);
                continue;
            }
            DoubleVector a = x.abs();
            DoubleVector y = a.add(a);
            VectorMask<Double> small = y.compare(VectorOperators.LE, HALF_LN2_HI);
            // expm1(y): LaneMath's series on y where |y| <= ln2 / 2, else 2^k series(r) + (2^k - 1)
            // with k = rint(y / ln2), r = y - k ln2 in two steps.
            DoubleVector shifted = y.mul(INV_LN2).add(MAGIC);
            DoubleVector k = shifted.sub(MAGIC);
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO)).blend(y, small);
            DoubleVector p = DoubleVector.broadcast(SPECIES, INVERSE_FACTORIAL[13]);
            for (int c = 12; c >= 1; c--) {
                p = p.mul(r).add(INVERSE_FACTORIAL[c]);
            }
            p = p.mul(r);
            DoubleVector twoToK = shifted.reinterpretAsLongs().sub(MAGIC_BITS).add(1023L)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.mul(twoToK).add(twoToK.sub(1.0)).blend(p, small);
            DoubleVector t = e.div(e.add(2.0)).blend(1.0, a.compare(VectorOperators.GT, 22.0));
            LongVector sign = x.reinterpretAsLongs().and(SIGN);
            t = t.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
            if (single) {
                t = (DoubleVector) t.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            t.intoArray(v, at);
        }
        scalar(Activation.TANH, v, at, length, single);
    }

    /** v[k] = sigmoid(v[k]) for k < length, rounded when single: {@link LaneMath#sigmoid}'s bits. */
    static void sigmoid(double[] v, int length, boolean single) {
        int at = 0;
        for (; at <= length - LENGTH; at += LENGTH) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, v, at);
            // exp(z) with z = -|x|: 1 / (1 + exp(-x)) for x >= 0, exp(x) / (1 + exp(x)) below.
            DoubleVector z = x.abs().neg();
            if (z.compare(VectorOperators.GE, -SAFE_EXP).not().anyTrue()) {
                scalar(Activation.SIGMOID, v, at, at + LENGTH, single);
                continue;
            }
            DoubleVector shifted = z.mul(INV_LN2).add(MAGIC);
            DoubleVector k = shifted.sub(MAGIC);
            DoubleVector r = z.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            DoubleVector p = DoubleVector.broadcast(SPECIES, INVERSE_FACTORIAL[13]);
            for (int c = 12; c >= 1; c--) {
                p = p.mul(r).add(INVERSE_FACTORIAL[c]);
            }
            DoubleVector twoToK = shifted.reinterpretAsLongs().sub(MAGIC_BITS).add(1023L)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.mul(r).add(1.0).mul(twoToK);
            DoubleVector positive = DoubleVector.broadcast(SPECIES, 1.0).div(e.add(1.0));
            DoubleVector t = e.div(e.add(1.0)).blend(positive, x.compare(VectorOperators.GE, 0.0));
            if (single) {
                t = (DoubleVector) t.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            t.intoArray(v, at);
        }
        scalar(Activation.SIGMOID, v, at, length, single);
    }

    /** v[k] = ELU(v[k]) (alpha 1) for k < length, rounded when single: {@link LaneMath#elu}'s bits. */
    static void elu(double[] v, int length, boolean single) {
        int at = 0;
        for (; at <= length - LENGTH; at += LENGTH) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, v, at);
            if (x.compare(VectorOperators.GE, -SAFE_EXP).not().anyTrue()) {
                scalar(Activation.ELU, v, at, at + LENGTH, single);
                continue;
            }
            // expm1(x) as in tanh; positive lanes keep x.
            VectorMask<Double> small = x.abs().compare(VectorOperators.LE, HALF_LN2_HI);
            DoubleVector shifted = x.mul(INV_LN2).add(MAGIC);
            DoubleVector k = shifted.sub(MAGIC);
            DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO)).blend(x, small);
            DoubleVector p = DoubleVector.broadcast(SPECIES, INVERSE_FACTORIAL[13]);
            for (int c = 12; c >= 1; c--) {
                p = p.mul(r).add(INVERSE_FACTORIAL[c]);
            }
            p = p.mul(r);
            DoubleVector twoToK = shifted.reinterpretAsLongs().sub(MAGIC_BITS).add(1023L)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector t = p.mul(twoToK).add(twoToK.sub(1.0)).blend(p, small)
                    .blend(x, x.compare(VectorOperators.GT, 0.0));
            if (single) {
                t = (DoubleVector) t.convertShape(VectorOperators.D2F, FLOATS, 0)
                        .convertShape(VectorOperators.F2D, SPECIES, 0);
            }
            t.intoArray(v, at);
        }
        scalar(Activation.ELU, v, at, length, single);
    }

    private static void scalar(Activation activation, double[] v, int from, int to, boolean single) {
        for (int k = from; k < to; k++) {
            v[k] = LaneLayers.round(single, activation.lane(v[k]));
        }
    }
}
