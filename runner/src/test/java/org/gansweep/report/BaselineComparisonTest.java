package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.ReferenceGroup;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
    private static final GroupKey REFERENCE = new GroupKey("0000000000000000");
    private static final GroupKey EASED = new GroupKey("1111111111111111");
    private static final GroupKey NOISY = new GroupKey("2222222222222222");

    private static GroupSummary group(GroupKey key, int runs, int successes, List<Long> steps) {
        return new GroupSummary(key, new TreeMap<>(Map.of("easing", key.value().charAt(0) - '0')), runs, successes,
                WilsonScoreInterval.of(runs, successes, 0.95), OptionalDouble.empty(), 1000, Map.of(), new TreeMap<>(),
                steps);
    }

    @Test
    void aGroupIsComparedWithTheReferenceByEveryMethod() {
        // The golden report's easing 0.1 group (1 of 4, converged at 110) against easing 0.0 (3 of 4: 100, 200,
        // 300), worked by hand: Wilson (0.0456, 0.6994) and (0.3006, 0.9544), so Newcombe's bounds are
        // -0.5 -+ sqrt(2 x 0.2044^2) = -0.7891 and -0.5 + sqrt(2 x 0.4494^2) = 0.1355; Fisher's table (1, 3; 3, 1)
        // has p = 34/70; the bootstrap medians of {100, 200, 300} are 100, 200 or 300, so 110 minus them is
        // 10, -90 or -190.
        BaselineComparison comparison = BaselineComparison.of(ReferenceGroup.of(REFERENCE, "by test"),
                List.of(group(REFERENCE, 4, 3, List.of(100L, 200L, 300L)), group(EASED, 4, 1, List.of(110L))), 0.95);
        GroupComparison eased = comparison.of(EASED).orElseThrow();
        assertEquals(-0.5, eased.difference(), 1e-15);
        assertEquals(-0.7891, eased.differenceInterval().lowerBound(), 1e-4);
        assertEquals(0.1355, eased.differenceInterval().upperBound(), 1e-4);
        assertEquals(34.0 / 70, eased.pValue(), 1e-12);
        assertEquals(34.0 / 70, eased.adjustedPValue(), 1e-12);
        assertEquals(Verdict.NO_EVIDENCE, eased.verdict());
        assertEquals(-90, eased.steps().orElseThrow().difference(), 0.0);
        assertEquals(-190, eased.steps().orElseThrow().interval().lowerBound(), 0.0);
        assertEquals(10, eased.steps().orElseThrow().interval().upperBound(), 0.0);
        assertTrue(comparison.of(REFERENCE).isEmpty());
    }

    @Test
    void holmsAdjustmentCanTurnARawPBelowFivePercentIntoNoEvidence() {
        // 10/10 against 5/10: the tables (10, 0; 5, 5) and (5, 5; 10, 0) each have C(15, 10) / C(20, 10) =
        // 3003 / 184756, so p = 0.032508; 0/10 gives the same. Holm over the two: 2 x 0.032508 = 0.065015.
        BaselineComparison comparison = BaselineComparison.of(ReferenceGroup.of(REFERENCE, "by test"), List.of(
                group(REFERENCE, 10, 5, List.of()), group(EASED, 10, 10, List.of()), group(NOISY, 10, 0, List.of())),
                0.95);
        for (GroupKey key : List.of(EASED, NOISY)) {
            GroupComparison c = comparison.of(key).orElseThrow();
            assertEquals(2 * 3003.0 / 184756, c.pValue(), 1e-12);
            assertEquals(4 * 3003.0 / 184756, c.adjustedPValue(), 1e-12);
            assertEquals(Verdict.NO_EVIDENCE, c.verdict());
        }
    }

    @Test
    void aClearDifferenceIsBetterOrWorseByItsSign() {
        // 10/10 against 0/10: p = 2 / C(20, 10) = 1.08e-5, one group so no adjustment.
        GroupComparison better = BaselineComparison.of(ReferenceGroup.of(REFERENCE, "by test"),
                List.of(group(REFERENCE, 10, 0, List.of()), group(EASED, 10, 10, List.of())), 0.95).of(EASED)
                .orElseThrow();
        assertEquals(2 / 184756.0, better.adjustedPValue(), 1e-15);
        assertEquals(Verdict.BETTER, better.verdict());
        GroupComparison worse = BaselineComparison.of(ReferenceGroup.of(REFERENCE, "by test"),
                List.of(group(REFERENCE, 10, 10, List.of()), group(EASED, 10, 0, List.of())), 0.95).of(EASED)
                .orElseThrow();
        assertEquals(Verdict.WORSE, worse.verdict());
    }

    @Test
    void aGroupWithoutConvergedRunsHasNoStepsComparison() {
        BaselineComparison comparison = BaselineComparison.of(ReferenceGroup.of(REFERENCE, "by test"),
                List.of(group(REFERENCE, 4, 3, List.of(100L, 200L, 300L)), group(NOISY, 4, 0, List.of())), 0.95);
        assertTrue(comparison.of(NOISY).orElseThrow().steps().isEmpty());
    }

    @Test
    void aReferenceWithoutCompleteRunsOrNoReferenceComparesNothingAndSaysWhy() {
        BaselineComparison missing = BaselineComparison.of(ReferenceGroup.of(REFERENCE, "named by compare_to"),
                List.of(group(EASED, 4, 1, List.of(110L))), 0.95);
        assertEquals(false, missing.present());
        assertEquals("the reference group (named by compare_to) has no complete run yet", missing.note());
        BaselineComparison none = BaselineComparison.of(ReferenceGroup.none("nothing varies"),
                List.of(group(EASED, 4, 1, List.of(110L))), 0.95);
        assertEquals(false, none.present());
        assertEquals(Map.of(), none.groups());
    }
}
