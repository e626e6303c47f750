package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrackedRunsTest {
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
}
