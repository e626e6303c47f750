package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WilsonScoreIntervalTest {
    /** Reference bounds from Wilson's closed form with z = 1.959964, rounded to 4 places. */
    @ParameterizedTest
    @CsvSource({"10,0,0.0,0.2775", "10,5,0.2366,0.7634", "10,10,0.7225,1.0", "10,8,0.4902,0.9433", "1,1,0.2065,1.0",
            "50,50,0.9287,1.0"})
    void boundsMatchPublishedValues(int trials, int successes, double low, double high) {
        ConfidenceInterval ci = WilsonScoreInterval.of(trials, successes, 0.95);
        assertEquals(low, ci.lowerBound(), 1e-4);
        assertEquals(high, ci.upperBound(), 1e-4);
    }

    @Test
    void boundsAreExactlyZeroAndOneAtTheEdges() {
        assertEquals(0.0, WilsonScoreInterval.of(7, 0, 0.95).lowerBound(), 0.0);
        assertEquals(1.0, WilsonScoreInterval.of(7, 7, 0.95).upperBound(), 0.0);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonScoreInterval.of(0, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonScoreInterval.of(5, 6, 0.95));
    }
}
