package org.gansweep.engine.point;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run is a pure function of its config and seed: alone or in a batch, beside a diverging run or not. */
class PointBatchingTest {
    private static final Map<String, Object> SHORT = Map.of("steps", 300L, "log_every", 7L);

    private static List<PlannedRun> mixedRuns() {
        List<PlannedRun> runs = new ArrayList<>();
        runs.add(PointRuns.of(1, SHORT));
        runs.add(PointRuns.of(2, with("easing", 0.1)));
        runs.add(PointRuns.of(3, with("weight_noise", 1.5)));
        runs.add(PointRuns.of(4, with("instance_noise", 0.3)));
        runs.add(PointRuns.of(5, with("lr_d", 0.2)));
        runs.add(PointRuns.of(1, with("d_weight_decay", 0.1)));
        return runs;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(SHORT);
        m.put(key, value);
        return m;
    }

    private static List<RunResult> train(List<PlannedRun> runs, Precision precision) {
        return new PointExperiment().train(runs, precision, RunListener.NONE);
    }

    private static void assertSameTrajectory(RunResult expected, RunResult actual) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertArrayEquals(expected.trajectory().row(i), actual.trajectory().row(i), 0.0, "row " + i);
        }
        assertEquals(expected.outcome(), actual.outcome());
        assertEquals(expected.stepsToConverge(), actual.stepsToConverge());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void runAloneEqualsTheSameRunInsideABatchBitForBit(Precision precision) {
        List<PlannedRun> runs = mixedRuns();
        List<RunResult> together = train(runs, precision);
        for (int r = 0; r < runs.size(); r++) {
            RunResult alone = train(List.of(runs.get(r)), precision).get(0);
            assertSameTrajectory(alone, together.get(r));
        }
    }

    @Test
    void aDivergingRunIsFrozenAndLeavesEveryOtherRunBitwiseUnchanged() {
        List<PlannedRun> healthy = mixedRuns();
        List<PlannedRun> withBad = new ArrayList<>(healthy);
        withBad.add(2, PointRuns.of(9, with("lr_d", 1e6)));
        List<RunResult> clean = train(healthy, Precision.FLOAT);
        List<RunResult> mixed = train(withBad, Precision.FLOAT);
        RunResult bad = mixed.get(2);
        assertEquals(Outcome.DIVERGED, bad.outcome());
        assertTrue(bad.divergedAtStep().isPresent());
        List<RunResult> others = new ArrayList<>(mixed);
        others.remove(2);
        for (int r = 0; r < clean.size(); r++) {
            assertSameTrajectory(clean.get(r), others.get(r));
        }
    }

    @Test
    void sameSeedAndConfigGiveTheSameTrajectoryTwice() {
        RunResult first = train(List.of(PointRuns.of(42, SHORT)), Precision.FLOAT).get(0);
        RunResult second = train(List.of(PointRuns.of(42, SHORT)), Precision.FLOAT).get(0);
        assertSameTrajectory(first, second);
    }
}
