package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.RunKey;
import org.junit.jupiter.api.Test;

class TrackedRunsTest {
    private static final RunKey A0 = new RunKey("00000000000000a0");
    private static final RunKey B0 = new RunKey("00000000000000b0");
    private static final RunKey A1 = new RunKey("00000000000000a1");
    private static final RunKey A2 = new RunKey("00000000000000a2");
    private static final RunKey B1 = new RunKey("00000000000000b1");
    private static final RunKey B2 = new RunKey("00000000000000b2");
    private static final GroupKey A = new GroupKey("000000000000000a");
    private static final GroupKey B = new GroupKey("000000000000000b");

    @Test
    void withoutTheOptionUpTo200RunsLogAllAndMoreASample() {
        assertEquals(TrackedRuns.ALL, TrackedRuns.parse(null, 200));
        assertEquals(TrackedRuns.SAMPLE, TrackedRuns.parse(null, 201));
        assertEquals(TrackedRuns.ALL, TrackedRuns.parse("all", 10_000));
        assertEquals(TrackedRuns.NONE, TrackedRuns.parse("none", 3));
        assertEquals(TrackedRuns.SAMPLE, TrackedRuns.parse("sample", 3));
    }

    @Test
    void anUnknownChoiceIsBadInputNamingTheAllowedOnes() {
        UsageException e = assertThrows(UsageException.class, () -> TrackedRuns.parse("some", 3));
        assertEquals("--tracking-runs some: expected all, sample or none", e.getMessage());
    }

    @Test
    void placesCountEachGroupInPlanOrder() {
        Map<RunKey, Integer> places = TrackedRuns.placesInGroups(List.of(A0, B0, A1, A2, B1, B2),
                List.of(A, B, A, A, B, B));
        assertEquals(Map.of(A0, 0, B0, 0, A1, 1, A2, 2, B1, 1, B2, 2), places);
    }

    @Test
    void aSampleTakesAGroupsFirstTwoRunsAtOnceAndLeavesTheRestForTheEnd() {
        Map<RunKey, Integer> places = TrackedRuns.placesInGroups(List.of(A0, A1, A2), List.of(A, A, A));
        assertTrue(TrackedRuns.SAMPLE.choosesAtOnce(A0, places));
        assertTrue(TrackedRuns.SAMPLE.choosesAtOnce(A1, places));
        assertFalse(TrackedRuns.SAMPLE.choosesAtOnce(A2, places));
        assertTrue(TrackedRuns.ALL.choosesAtOnce(A2, places));
        assertFalse(TrackedRuns.NONE.choosesAtOnce(A0, places));
    }
}
