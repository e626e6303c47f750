package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * LaneMath against StrictMath (fdlibm, exact by specification) over the ranges the kernels meet, in ulps of
 * the true value; and the edges where a naive formula would overflow into NaN.
 */
class LaneMathTest {
    private static final int POINTS = 200_001;

    private static double worstUlps(DoubleUnaryOperator ours, DoubleUnaryOperator exact, double from, double to) {
        double worst = 0;
        for (int i = 0; i < POINTS; i++) {
            double x = from + (to - from) * i / (POINTS - 1);
            double want = exact.applyAsDouble(x);
            double got = ours.applyAsDouble(x);
            worst = Math.max(worst, Math.abs(got - want) / Math.ulp(want));
        }
        return worst;
    }

    @Test
    void expIsWithinTwoUlpsFromUnderflowToOverflow() {
        assertTrue(worstUlps(LaneMath::exp, StrictMath::exp, -700, 700) <= 2);
        assertTrue(worstUlps(LaneMath::exp, StrictMath::exp, -1, 1) <= 2);
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.exp(710));
        assertEquals(0.0, LaneMath.exp(-746));
        assertTrue(Double.isNaN(LaneMath.exp(Double.NaN)));
        assertEquals(1.0, LaneMath.exp(0.0));
    }

    @Test
    void expm1KeepsItsRelativeAccuracyNearZero() {
        assertTrue(worstUlps(LaneMath::expm1, StrictMath::expm1, -1e-3, 1e-3) <= 2);
        assertTrue(worstUlps(LaneMath::expm1, StrictMath::expm1, -30, 3) <= 3);
        assertEquals(1e-300, LaneMath.expm1(1e-300));
    }

    @Test
    void tanhIsWithinThreeUlpsAndExactlyOneFarOut() {
        assertTrue(worstUlps(LaneMath::tanh, StrictMath::tanh, -25, 25) <= 3);
        assertTrue(worstUlps(LaneMath::tanh, StrictMath::tanh, -1e-4, 1e-4) <= 3);
        assertEquals(1.0, LaneMath.tanh(30));
        assertEquals(-1.0, LaneMath.tanh(-1e300));
        assertEquals(-0.0, LaneMath.tanh(-0.0));
    }

    @Test
    void sigmoidAndEluMatchTheirDefinitions() {
        assertTrue(worstUlps(LaneMath::sigmoid, x -> 1 / (1 + StrictMath.exp(-x)), -30, 30) <= 3);
        assertEquals(1.0, LaneMath.sigmoid(1000));
        assertEquals(0.0, LaneMath.sigmoid(-1000));
        assertTrue(worstUlps(LaneMath::elu, x -> x > 0 ? x : StrictMath.expm1(x), -20, 5) <= 3);
    }

    @Test
    void floatRoundingIsTheFloatOperationsResult() {
        float a = 1.1f;
        float b = 3.3f;
        assertEquals((double) (a * b), LaneMath.round(true, (double) a * b));
        assertEquals((double) (a / b), LaneMath.round(true, (double) a / b));
        assertEquals(0.1, LaneMath.round(false, 0.1));
    }
}
