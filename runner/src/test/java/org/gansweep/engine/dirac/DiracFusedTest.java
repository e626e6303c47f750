package org.gansweep.engine.dirac;

import static org.gansweep.engine.dirac.DiracKernels.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Java kernel: the same model as ND4J's to rounding, and a run's bits fixed whatever trains beside it. */
class DiracFusedTest {
    /** One batch per program (loss, reg, update, noise), each with runs whose per-run weights differ. */
    private static List<List<PlannedRun>> everyProgram(long steps) {
        Object[][] programs = {
            {"loss", "gan", "reg", "none"},
            {"loss", "nsgan", "reg", "r1", "update", "alternating", "d_steps", 5L},
            {"loss", "gan", "reg", "r1", "update", "alternating"},
            {"loss", "wgan", "reg", "none", "update", "alternating", "d_steps", 2L},
            {"loss", "wgan_gp", "reg", "none"},
            {"loss", "gan", "reg", "consensus", "update", "alternating", "d_steps", 3L},
            {"loss", "gan", "reg", "instance_noise", "noise_draws", 40L},
            {"loss", "gan", "reg", "instance_noise", "update", "alternating", "d_steps", 2L,
                "noise_expectation", "quadrature", "quadrature_nodes", 16L},
        };
        Object[][] perRun = {
            {},
            {"lr_g", 0.1, "lr_d", 0.3, "r1_gamma", 1.0, "wgan_clip", 0.4, "gp_reg", 0.2, "consensus_reg", 0.5},
            {"theta0", -0.7, "psi0", 1.9, "instance_noise", 0.3, "gp_target", 0.5},
        };
        return Arrays.stream(programs).map(program -> IntStream.range(0, perRun.length)
                .mapToObj(k -> run(k + 1, concat(program, perRun[k], "steps", steps))).toList()).toList();
    }

    private static Object[] concat(Object[] a, Object[] b, Object... c) {
        Object[] all = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void fusedAndNd4jKernelsAgreeToRoundingOverTheFirstSteps(Precision precision) {
        double worst = 0;
        for (List<PlannedRun> batch : everyProgram(40)) {
            List<RunResult> fused = DiracKernels.train(DiracKernels.FUSED, batch, precision);
            List<RunResult> nd4j = DiracKernels.train(DiracKernels.ND4J, batch, precision);
            for (int r = 0; r < batch.size(); r++) {
                assertEquals(nd4j.get(r).trajectory().size(), fused.get(r).trajectory().size());
                for (int i = 0; i < fused.get(r).trajectory().size(); i++) {
                    double[] a = fused.get(r).trajectory().row(i);
                    double[] b = nd4j.get(r).trajectory().row(i);
                    for (int c = 1; c <= 3; c++) {
                        worst = Math.max(worst, Math.abs(a[c] - b[c]) / b[3]);
                    }
                }
            }
        }
        // Measured: 1.3e-15 in double (LaneMath's sigmoid and the sum order against ND4J's), 1.4e-6 in float.
        assertTrue(worst < (precision == Precision.DOUBLE ? 1e-12 : 1e-5), "worst relative difference " + worst);
    }

    /**
     * Thirty runs of each program with every per-run value varied (step sizes, start, weights, and the
     * tracker's success_radius and diverge_bound), two of them diverging, in chunks of 4 on two threads and
     * of 7 on one: each run equals itself trained alone, trajectory, outcome and metrics.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void aRunAloneEqualsItselfInAnyBatchChunkAndThreadCountBitForBit(Precision precision) {
        for (List<PlannedRun> program : everyProgram(60)) {
            Object[] shape = shapeOf(program.get(0));
            List<PlannedRun> crowd = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                crowd.add(run(100 + k, concat(shape, new Object[] {"lr_g", 0.05 + 0.01 * k, "lr_d", 0.3 - 0.005 * k,
                    "theta0", 1.0 - 0.07 * k, "psi0", 0.5 + 0.03 * k, "instance_noise", 0.2 + 0.02 * k,
                    "r1_gamma", 0.1 * k, "consensus_reg", 0.05 * k, "wgan_clip", 0.3 + 0.05 * k, "gp_reg", 0.03 * k,
                    "success_radius", Math.pow(10, -3 + k / 8.0), "diverge_bound", k == 11 ? 0.05 : 1000.0})));
            }
            crowd.set(20, run(120, concat(shape, new Object[] {"lr_g", 1e4, "lr_d", 1e4})));
            List<RunResult> fourOnTwoThreads = DiracFusedTrainer.train(crowd, precision, 2, 4, RunListener.NONE);
            List<RunResult> sevenOnOne = DiracFusedTrainer.train(crowd, precision, 1, 7, RunListener.NONE);
            for (int r = 0; r < crowd.size(); r++) {
                RunResult alone = DiracKernels.train(DiracKernels.FUSED, List.of(crowd.get(r)), precision).get(0);
                assertSameResult(alone, fourOnTwoThreads.get(r));
                assertSameResult(alone, sevenOnOne.get(r));
            }
            assertEquals(Outcome.DIVERGED, sevenOnOne.get(11).outcome());
            assertEquals(Outcome.DIVERGED, sevenOnOne.get(20).outcome());
        }
    }

    private static Object[] shapeOf(PlannedRun run) {
        List<Object> shape = new ArrayList<>();
        for (String name : DiracSchema.SHAPE) {
            shape.add(name);
            shape.add(run.config().value(name));
        }
        return shape.toArray();
    }

    private static void assertSameResult(RunResult expected, RunResult actual) {
        assertEquals(expected.trajectory().size(), actual.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertArrayEquals(expected.trajectory().row(i), actual.trajectory().row(i), 0.0, "row " + i);
        }
        assertEquals(expected.outcome(), actual.outcome());
        assertEquals(expected.stepsToConverge(), actual.stepsToConverge());
        assertEquals(expected.divergedAtStep(), actual.divergedAtStep());
        assertEquals(expected.finalMetrics(), actual.finalMetrics());
    }
}
