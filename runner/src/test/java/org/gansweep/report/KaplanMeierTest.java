package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gansweep.report.KaplanMeier.Observation;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {
    @Test
    void withoutCensoringTheMedianIsTheLowerSampleMedian() {
        assertEquals(200, KaplanMeier.median(List.of(new Observation(100, true), new Observation(200, true),
                new Observation(300, true), new Observation(400, true))).getAsDouble());
    }

    @Test
    void censoredRunsStayAtRiskUntilTheirTime() {
        // S(100) = 4/5, censored at 150 leaves 3 at risk, S(200) = 0.8 * 2/3 = 0.533, S(300) = 0.533 * 1/2 = 0.267
        assertEquals(300, KaplanMeier.median(List.of(new Observation(100, true), new Observation(150, false),
                new Observation(200, true), new Observation(300, true), new Observation(3000, false))).getAsDouble());
    }

    @Test
    void fewerThanHalfConvergedHasNoMedian() {
        assertTrue(KaplanMeier.median(List.of(new Observation(100, true), new Observation(3000, false),
                new Observation(3000, false))).isEmpty());
    }
}
