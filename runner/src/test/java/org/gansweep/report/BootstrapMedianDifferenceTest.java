package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapMedianDifferenceTest {
    private static final double[] GROUP = {300, 320, 350, 400, 410, 500, 520, 700};
    private static final double[] REFERENCE = {600, 650, 700, 720, 800, 900, 1000, 1100};

    @Test
    void theDifferenceIsTheGroupMedianMinusTheReferenceMedian() {
        // Medians 405 and 760.
        assertEquals(-355, BootstrapMedianDifference.of(GROUP, REFERENCE, 0.95).orElseThrow().difference(), 0.0);
    }

    /**
     * Pinned from this implementation (SplittableRandom seeded with SEED, group drawn before reference in each
     * resample): any change to the stream or the percentile rule changes every report's intervals, on purpose only.
     */
    @Test
    void aSmallCaseIsPinned() {
        ConfidenceInterval ci = BootstrapMedianDifference.of(GROUP, REFERENCE, 0.95).orElseThrow().interval();
        assertEquals(-590.0, ci.lowerBound(), 1e-9);
        assertEquals(-185.0, ci.upperBound(), 1e-9);
    }

    @Test
    void theSameValuesGiveTheSameIntervalInAnyOrder() {
        double[] shuffled = {410, 700, 300, 520, 350, 320, 500, 400};
        assertEquals(BootstrapMedianDifference.of(GROUP, REFERENCE, 0.95),
                BootstrapMedianDifference.of(shuffled, REFERENCE, 0.95));
    }

    @Test
    void theIntervalContainsTheEstimateAndShrinksWithMoreSeeds() {
        double[] fewGroup = {300, 450, 700, 900};
        double[] fewReference = {500, 640, 800, 1100};
        double[] manyGroup = new double[64];
        double[] manyReference = new double[64];
        for (int i = 0; i < 64; i++) {
            manyGroup[i] = fewGroup[i % 4] + (i / 4);
            manyReference[i] = fewReference[i % 4] + (i / 4);
        }
        BootstrapMedianDifference.Estimate few = BootstrapMedianDifference.of(fewGroup, fewReference, 0.95).orElseThrow();
        BootstrapMedianDifference.Estimate many = BootstrapMedianDifference.of(manyGroup, manyReference, 0.95)
                .orElseThrow();
        for (BootstrapMedianDifference.Estimate e : new BootstrapMedianDifference.Estimate[] {few, many}) {
            assertTrue(e.interval().lowerBound() <= e.difference() && e.difference() <= e.interval().upperBound(),
                    e.toString());
        }
        double fewWidth = few.interval().upperBound() - few.interval().lowerBound();
        double manyWidth = many.interval().upperBound() - many.interval().lowerBound();
        assertTrue(manyWidth < fewWidth / 2, fewWidth + " then " + manyWidth);
    }

    @Test
    void aGroupWithoutConvergedRunsHasNothingToCompare() {
        assertEquals(Optional.empty(), BootstrapMedianDifference.of(new double[0], REFERENCE, 0.95));
        assertEquals(Optional.empty(), BootstrapMedianDifference.of(GROUP, new double[0], 0.95));
    }
}
