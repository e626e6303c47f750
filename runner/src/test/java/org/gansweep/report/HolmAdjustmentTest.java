package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HolmAdjustmentTest {
    @Test
    void matchesRsPAdjustHolm() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), method = "holm")
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                HolmAdjustment.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    @Test
    void adjustedValuesAreCappedAtOneAndKeepTheOrderOfTheRawOnes() {
        // Sorted: 0.02 x 3 = 0.06, 0.5 x 2 = 1 (capped), 0.6 x 1 = 0.6 raised to the running maximum 1.
        assertArrayEquals(new double[] {1, 0.06, 1}, HolmAdjustment.adjust(new double[] {0.6, 0.02, 0.5}), 1e-12);
    }

    @Test
    void oneTestIsLeftAsItIs() {
        assertArrayEquals(new double[] {0.042}, HolmAdjustment.adjust(new double[] {0.042}), 0.0);
        assertArrayEquals(new double[0], HolmAdjustment.adjust(new double[0]), 0.0);
    }
}
