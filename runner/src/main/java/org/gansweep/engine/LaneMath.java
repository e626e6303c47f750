package org.gansweep.engine;

/**
 * The transcendental functions of the Java kernels, built from Java's own IEEE arithmetic only, so they
 * give the same bits on every processor, JVM flag and vector width. {@code Math.exp}/{@code Math.tanh}
 * may be intrinsified differently per processor (1-2 ulp apart), and a chaotic GAN amplifies that;
 * {@code StrictMath} is exact but a native call per value, too slow for the activations of thousands of
 * runs. Accuracy: within 3 ulp of StrictMath in double (checked against StrictMath in tests);
 * the point is that it is the same everywhere, not that it is correctly rounded.
 *
 * <p>Float runs compute in double and round every stored value with {@link #round}: for +, -, *, / and
 * sqrt, rounding the double result to float gives exactly the float operation's result (double has more
 * than twice float's precision), so a kernel written once serves both dtypes.
 */
public final class LaneMath {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    /** Beyond these exp overflows to infinity or underflows to zero. */
    private static final double EXP_OVERFLOW = 709.782712893384;
    private static final double EXP_UNDERFLOW = -745.1332191019412;
    /** 1 / k! for k = 2..13: Taylor coefficients of exp on |r| <= ln2 / 2 (truncation error ~ 1e-17). */
    private static final double[] INVERSE_FACTORIAL = new double[14];

    static {
        double factorial = 1;
        for (int k = 1; k < INVERSE_FACTORIAL.length; k++) {
            factorial *= k;
            INVERSE_FACTORIAL[k] = 1 / factorial;
        }
    }

    private LaneMath() {
    }

    /** x rounded to float when single is true (a float run's stored value), else x itself. */
    public static double round(boolean single, double x) {
        return single ? (double) (float) x : x;
    }

    /** e^x - 1 for |r| <= ln2 / 2, by Horner's rule on the Taylor series (no cancellation near 0). */
    private static double expm1Reduced(double r) {
        double p = INVERSE_FACTORIAL[13];
        for (int k = 12; k >= 1; k--) {
            p = p * r + INVERSE_FACTORIAL[k];
        }
        return p * r;
    }

    public static double exp(double x) {
        if (x != x) {
            return x;
        }
        if (x > EXP_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < EXP_UNDERFLOW) {
            return 0.0;
        }
        // x = k ln2 + r with |r| <= ln2 / 2 (Cody-Waite: k LN2_HI is exact for |k| < 2^11).
        double k = Math.rint(x * INV_LN2);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double er = 1.0 + expm1Reduced(r);
        return Math.scalb(er, (int) k);
    }

    /**
     * e^x - 1, accurate near 0 (ELU's negative side, tanh): with x = k ln2 + r, e^x - 1 = 2^k expm1(r) +
     * (2^k - 1), where 2^k - 1 is exact for |k| <= 53, so only the last addition rounds (and far out, where
     * it is not, the result is within an ulp of 2^k or -1 all the same). LaneVectorMath does the same.
     */
    public static double expm1(double x) {
        if (Math.abs(x) <= 0.5 * LN2_HI) {
            return expm1Reduced(x);
        }
        if (x != x || x > EXP_OVERFLOW) {
            return exp(x) - 1.0;
        }
        double k = Math.rint(x * INV_LN2);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        return Math.scalb(expm1Reduced(r), (int) k) + (Math.scalb(1.0, (int) k) - 1.0);
    }

    /** tanh(x) = e / (e + 2) with e = expm1(2|x|), sign restored; exactly +-1 beyond |x| = 22. */
    public static double tanh(double x) {
        double a = Math.abs(x);
        if (a > 22) {
            return Math.copySign(1.0, x);
        }
        double e = expm1(2 * a);
        return Math.copySign(e / (e + 2.0), x);
    }

    /** 1 / (1 + e^-x), written so neither side overflows to NaN. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + exp(-x));
        }
        double e = exp(x);
        return e / (1.0 + e);
    }

    /** ELU with alpha 1: x for x > 0, e^x - 1 otherwise. */
    public static double elu(double x) {
        return x > 0 ? x : expm1(x);
    }

    /**
     * Natural log for losses and statistics (a few values per run and step, so StrictMath's exact fdlibm
     * result costs nothing and needs no check of ours).
     */
    public static double log(double x) {
        return StrictMath.log(x);
    }
}
