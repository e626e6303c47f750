package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Two seeded 2500-step trajectories of the fused kernel in double, pinned exactly: the kernel uses Java
 * arithmetic and LaneMath only, so these are the bits on any x86-64 processor, vector width and thread
 * count. Seed 5 is Linear2dConvergenceTest's d2l run (the ND4J kernel converges at the same step 1430
 * and ends within 2e-5 of these numbers); seed 7 adds R1, instance noise, weight noise and easing.
 */
class Linear2dFusedPinTest {
    @Test
    void d2lSettingsAndATrickRunFollowTheirPinnedTrajectoriesBitForBit() {
        List<RunResult> runs = new Linear2dExperiment(true, 2).train(List.of(ConfigRuns.of("linear2d", 5, Map.of()),
                ConfigRuns.of("linear2d", 7, Map.of("r1_gamma", 0.5, "instance_noise", 0.1, "weight_noise", 0.2,
                        "easing", 0.05))), Precision.DOUBLE, RunListener.NONE);
        RunResult d2l = runs.get(0);
        assertEquals(Outcome.CONVERGED, d2l.outcome());
        assertEquals(1430, d2l.stepsToConverge().getAsLong());
        // Step 1000 (epoch 8): w00, w01, w10, w11, c0, c1, cov_rel_error, mean_error, loss_d, loss_g.
        assertArrayEquals(new double[] {1000, 8, -0.42582001405677267, -0.7050948134563535, -1.3380720414286613,
            -1.3096793126135338, 0.8493664013593187, 1.4654711366893092, 0.2012767709107715, 0.5553481671453153,
            0.7356754371036027, 0.6657836905840725}, d2l.trajectory().row(40), 0.0);
        assertEquals(0.08591537901264926, d2l.finalMetrics().get("cov_rel_error"), 0.0);
        assertEquals(-0.7908152547791939, d2l.finalMetrics().get("r_det"), 0.0);
        RunResult tricks = runs.get(1);
        assertEquals(Outcome.CONVERGED, tricks.outcome());
        assertEquals(1649, tricks.stepsToConverge().getAsLong());
        assertArrayEquals(new double[] {1000, 8, -0.6949700040212199, -0.7785588512774531, -1.457158199326537,
            -1.5325898095654795, 0.8317970252389228, 1.8178671790509682, 0.08361188524565581, 0.24792056224792577,
            0.6932203609559897, 0.6925440801069387}, tricks.trajectory().row(40), 0.0);
        assertEquals(0.10672259458231884, tricks.finalMetrics().get("cov_rel_error"), 0.0);
        assertEquals(0.9995465659964692, tricks.finalMetrics().get("r_orthogonality_error"), 0.0);
    }
}
