package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewcombeIntervalTest {
    /** Newcombe 1998, Table II, method 10 (hybrid score, no continuity correction): examples (a) to (f). Example (c)
     * was also worked by hand from the two Wilson intervals (0.4869, 0.9743) and (0.0822, 0.6411). */
    @ParameterizedTest
    @CsvSource({"70,56,80,48,0.0524,0.3339", "10,9,10,3,0.1705,0.8090", "7,6,7,2,0.0582,0.8062",
            "56,5,29,0,-0.0381,0.1926", "10,0,20,0,-0.1611,0.2775", "10,10,20,0,0.6791,1.0000"})
    void boundsMatchNewcombesTableTwo(int trials1, int successes1, int trials2, int successes2, double low,
                                      double high) {
        ConfidenceInterval ci = NewcombeInterval.of(trials1, successes1, trials2, successes2, 0.95);
        assertEquals(low, ci.lowerBound(), 5e-5);
        assertEquals(high, ci.upperBound(), 5e-5);
        assertEquals(0.95, ci.confidenceLevel(), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"70,56,80,48", "7,6,7,2", "56,5,29,0"})
    void swappingTheGroupsMirrorsTheInterval(int trials1, int successes1, int trials2, int successes2) {
        ConfidenceInterval forward = NewcombeInterval.of(trials1, successes1, trials2, successes2, 0.95);
        ConfidenceInterval backward = NewcombeInterval.of(trials2, successes2, trials1, successes1, 0.95);
        assertEquals(-forward.upperBound(), backward.lowerBound(), 1e-12);
        assertEquals(-forward.lowerBound(), backward.upperBound(), 1e-12);
    }
}
