package org.gansweep.engine.point;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/** The fused CPU kernel: reproducible per run whatever the batch or threads, and the same model as ND4J's. */
class PointFusedTest {
    private static final PointExperiment FUSED_TWO_THREADS = new PointExperiment(true, 2);
    private static final PointExperiment FUSED_ONE_THREAD = new PointExperiment(true, 1);
    private static final PointExperiment ND4J = new PointExperiment();

    private static Map<String, Object> with(long steps, Object... pairs) {
        Map<String, Object> m = new HashMap<>(Map.of("steps", steps, "log_every", 5L));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static List<PlannedRun> mixed(long steps) {
        return List.of(PointRuns.of(1, with(steps)), PointRuns.of(2, with(steps, "easing", 0.1)),
                PointRuns.of(3, with(steps, "weight_noise", 1.5)), PointRuns.of(4, with(steps, "instance_noise", 0.3)),
                PointRuns.of(5, with(steps, "lr_d", 0.2, "fake_weight", 0.5)),
                PointRuns.of(6, with(steps, "d_weight_decay", 0.1, "easing_one_sided", true, "easing", 0.2)));
    }

    private static List<RunResult> train(PointExperiment kernel, List<PlannedRun> runs) {
        assertEquals("fused", kernel == ND4J ? "fused" : kernel.kernel(Precision.FLOAT), "Vector API module missing");
        return kernel.train(runs, Precision.FLOAT, RunListener.NONE);
    }

    private static void assertSameTrajectory(RunResult expected, RunResult actual) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertArrayEquals(expected.trajectory().row(i), actual.trajectory().row(i), 0.0, "row " + i);
        }
        assertEquals(expected.outcome(), actual.outcome());
    }

    @Test
    void aRunAloneEqualsItselfAmongHundredsOnTwoThreadsBitForBit() {
        List<PlannedRun> mine = mixed(120);
        List<PlannedRun> crowd = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            crowd.add(PointRuns.of(1000 + i, with(120, "lr_g", 0.01 + i * 1e-4)));
        }
        crowd.addAll(300, mine);
        List<RunResult> together = train(FUSED_TWO_THREADS, crowd);
        for (int r = 0; r < mine.size(); r++) {
            RunResult alone = train(FUSED_ONE_THREAD, List.of(mine.get(r))).get(0);
            assertSameTrajectory(alone, together.get(300 + r));
        }
    }

    @Test
    void fusedAndNd4jKernelsAgreeToFloatToleranceOverTheFirstSteps() {
        List<PlannedRun> runs = mixed(40);
        List<RunResult> fused = train(FUSED_ONE_THREAD, runs);
        List<RunResult> nd4j = ND4J.train(runs, Precision.FLOAT, RunListener.NONE);
        double worst = PointRuns.largestParameterDifference(fused, nd4j);
        // tanh within 6 ulps and sums in another order: differences stay at float noise after 40 steps.
        assertTrue(worst < 2e-5, "largest parameter difference " + worst);
    }

    @Test
    void aDivergingRunIsFrozenAndTheOthersAreBitwiseUnchanged() {
        List<PlannedRun> healthy = mixed(80);
        List<PlannedRun> withBad = new ArrayList<>(healthy);
        withBad.add(3, PointRuns.of(9, with(80, "lr_d", 1e6)));
        List<RunResult> clean = train(FUSED_ONE_THREAD, healthy);
        List<RunResult> mixed = train(FUSED_ONE_THREAD, withBad);
        assertEquals(Outcome.DIVERGED, mixed.get(3).outcome());
        List<RunResult> others = new ArrayList<>(mixed);
        others.remove(3);
        for (int r = 0; r < clean.size(); r++) {
            assertSameTrajectory(clean.get(r), others.get(r));
        }
    }
}
