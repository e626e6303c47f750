package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HoldCriterionTest {
    @Test
    void heldMeansEveryMeasurementOfTheHoldWindowWasGoodAndTheStreakStartIsKept() {
        // 100 steps, last 10%: measurements from step 90 on must all be good.
        long from = HoldCriterion.holdFrom(100, 0.1);
        HoldCriterion hold = new HoldCriterion(new long[] {from, from, from});
        boolean[][] good = {
            {false, true, false, true, true, true},   // good from 60 on: held, streak from 60, first good 20
            {true, true, true, true, false, true},    // bad at 80 only, before the window: held, streak from 100
            {true, true, true, true, true, false}};   // bad at 100, inside the window: not held
        long[] steps = {0, 20, 40, 60, 80, 100};
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < steps.length; i++) {
                hold.record(r, steps[i], good[r][i]);
            }
        }
        assertTrue(hold.held(0));
        assertEquals(60, hold.streakFrom(0));
        assertEquals(20, hold.firstGood(0));
        assertTrue(hold.held(1));
        assertEquals(100, hold.streakFrom(1));
        assertEquals(0, hold.firstGood(1));
        assertFalse(hold.held(2));
        assertEquals(90, HoldCriterion.holdFrom(100, 0.1));
        assertEquals(4999, HoldCriterion.holdFrom(5000, 0.0002));
    }

    @Test
    void eachRunIsJudgedOverItsOwnHoldWindow() {
        // Two runs with the same measurements, bad at step 20 only; run 0 must hold over the last half of 100
        // steps, run 1 over all of them. Only run 0 has held: one run's window never decides another's.
        HoldCriterion hold = new HoldCriterion(new long[] {HoldCriterion.holdFrom(100, 0.5),
            HoldCriterion.holdFrom(100, 1.0)});
        long[] steps = {0, 20, 40, 60, 80, 100};
        for (int r = 0; r < 2; r++) {
            for (long step : steps) {
                hold.record(r, step, step != 20);
            }
        }
        assertTrue(hold.held(0));
        assertEquals(40, hold.streakFrom(0));
        assertFalse(hold.held(1));
        assertEquals(0, HoldCriterion.holdFrom(100, 1.0));
    }

    @Test
    void beyondBoundLooksAtOneRunsColumnOnly() {
        // [P = 2, R = 3] row-major: run 0 holds 0.5, -0.5; run 1 holds 5, 1; run 2 holds 1e7, 2.
        double[] matrix = {0.5, 5, 1e7, -0.5, 1, 2};
        assertFalse(HoldCriterion.beyondBound(matrix, 0, 3, 10));
        assertFalse(HoldCriterion.beyondBound(matrix, 1, 3, 10));
        assertTrue(HoldCriterion.beyondBound(matrix, 2, 3, 10));
        matrix[4] = Double.NaN;
        assertTrue(HoldCriterion.beyondBound(matrix, 1, 3, 10));
    }
}
