package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FisherExactTestTest {
    /**
     * R's fisher.test examples: the lady tasting tea (3, 1; 1, 3) gives 0.4857 (= 34/70); the job satisfaction
     * style table (1, 9; 11, 3) gives 0.002759. The others are sums of hypergeometric terms worked by hand.
     */
    @ParameterizedTest
    @CsvSource({"3,1,1,3,0.4857142857", "1,9,11,3,0.002759456", "4,0,0,4,0.02857142857", "2,2,2,2,1.0",
            "0,5,5,0,0.007936507937"})
    void pValuesMatchReferenceValues(int a, int b, int c, int d, double expected) {
        assertEquals(expected, FisherExactTest.twoSided(a, b, c, d), 1e-9);
    }

    @Test
    void tablesAsProbableAsTheObservedOneCountDespiteRounding() {
        // (2, 2; 2, 2) is the mode; its mirror tables (1, 3; 3, 1) and (3, 1; 1, 3) are equally probable and
        // must count on both sides: 16/70 + 16/70 + 1/70 + 1/70 for the table (3, 1; 1, 3).
        assertEquals(34.0 / 70, FisherExactTest.twoSided(1, 3, 3, 1), 1e-12);
        assertEquals(FisherExactTest.twoSided(3, 1, 1, 3), FisherExactTest.twoSided(1, 3, 3, 1), 1e-15);
    }

    @Test
    void rejectsNegativeCells() {
        assertThrows(IllegalArgumentException.class, () -> FisherExactTest.twoSided(-1, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> FisherExactTest.twoSided(0, 0, 0, 0));
    }
}
