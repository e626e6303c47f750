package org.gansweep.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;
import org.junit.jupiter.api.Test;

/** The writer's recent trajectories stay within their number of values, dropping the oldest runs first. */
class RecentTrajectoriesTest {
    private static final Trajectory SIX_VALUES = new Trajectory(List.of("step", "w", "b"),
            List.of(new double[] {0, 1, 2}, new double[] {10, 3, 4}));

    @Test
    void theOldestRunsAreDroppedOnceTheValuesExceedTheCapacity() {
        RecentTrajectories recent = new RecentTrajectories(12);
        RunKey first = new RunKey("00000000000000a1");
        RunKey second = new RunKey("00000000000000a2");
        RunKey third = new RunKey("00000000000000a3");
        recent.put(first, SIX_VALUES);
        recent.put(second, SIX_VALUES);
        assertTrue(recent.get(first).isPresent() && recent.get(second).isPresent(), "12 values fit");
        recent.put(third, SIX_VALUES);
        assertEquals(false, recent.get(first).isPresent(), "the oldest went");
        assertTrue(recent.get(second).isPresent() && recent.get(third).isPresent());
        recent.put(third, SIX_VALUES); // written again: counted once
        assertTrue(recent.get(second).isPresent());
    }
}
