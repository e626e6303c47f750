package org.gansweep.engine.gaussinit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/**
 * The fused kernel trains the ND4J kernel's model: from the same draws, over 10 steps (two log steps), with
 * every trick on in some run, the trajectories and step-0 measurements agree to rounding. Measured: 4e-16
 * relative in double (the kernels sum in other orders), 7e-8 in float (ND4J's float tanh and matmuls round
 * differently from the lanes'); the bounds leave room for other processors' ND4J.
 */
class GaussinitFusedAgreementTest {
    private static final List<PlannedRun> ONE_COPY = List.of(
            GaussinitFusedBatchingTest.run(1, Map.of("steps", 10L)),
            GaussinitFusedBatchingTest.run(2, Map.of("steps", 10L, "init", "xavier")),
            GaussinitFusedBatchingTest.run(3, Map.of("steps", 10L, "easing", 0.1, "fake_weight", 0.5,
                    "real_weight", 1.2, "d_weight_decay", 0.01, "g_weight_decay", 0.001, "lr_d", 0.01)),
            GaussinitFusedBatchingTest.run(4, Map.of("steps", 10L, "instance_noise", 0.2, "r1_gamma", 1.0,
                    "lr_g", 0.01)));
    private static final List<PlannedRun> TWO_COPIES = List.of(
            GaussinitFusedBatchingTest.run(5, Map.of("steps", 10L, "noise_samples", 2L, "weight_noise", 0.3)),
            GaussinitFusedBatchingTest.run(6, Map.of("steps", 10L, "noise_samples", 2L, "init", "xavier",
                    "instance_noise", 0.1, "r1_gamma", 5.0)));

    private static void assertAgree(List<PlannedRun> runs, Precision precision, double relative) {
        List<RunResult> nd4j = new GaussinitExperiment().train(runs, precision, RunListener.NONE);
        List<RunResult> fused = new GaussinitExperiment(true, 1).train(runs, precision, RunListener.NONE);
        for (int i = 0; i < runs.size(); i++) {
            RunResult a = nd4j.get(i);
            RunResult b = fused.get(i);
            assertEquals(a.trajectory().size(), b.trajectory().size());
            for (int row = 0; row < a.trajectory().size(); row++) {
                double[] x = a.trajectory().row(row);
                double[] y = b.trajectory().row(row);
                for (int c = 0; c < x.length; c++) {
                    assertEquals(x[c], y[c], tolerance(x[c], relative),
                            "run " + i + " row " + row + " " + GaussinitTracker.COLUMNS.get(c));
                }
            }
            // Final metrics 100x looser: Jarque-Bera's excess kurtosis m4 / m2^2 - 3 cancels (measured 2e-6 in
            // float, 1e-14 in double).
            for (Map.Entry<String, Double> e : a.finalMetrics().entrySet()) {
                assertEquals(e.getValue(), b.finalMetrics().get(e.getKey()), tolerance(e.getValue(), 100 * relative),
                        "run " + i + " " + e.getKey());
            }
            assertEquals(a.outcome(), b.outcome(), "run " + i);
        }
    }

    /** Relative to the value's size above 1; a NaN (no loss at step 0) must be NaN on both. */
    private static double tolerance(double expected, double relative) {
        return Double.isNaN(expected) ? 0 : relative * Math.max(1, Math.abs(expected));
    }

    @Test
    void inDoubleTheFusedKernelAgreesWithND4JToRounding() {
        assertAgree(ONE_COPY, Precision.DOUBLE, 1e-12);
        assertAgree(TWO_COPIES, Precision.DOUBLE, 1e-12);
    }

    @Test
    void inFloatTheFusedKernelAgreesWithND4JToFloatTolerance() {
        assertAgree(ONE_COPY, Precision.FLOAT, 1e-6);
        assertAgree(TWO_COPIES, Precision.FLOAT, 1e-6);
    }
}
