package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.junit.jupiter.api.Test;

/**
 * d2l's settings (configs/linear2d.json: 20 epochs of 125 minibatches, Adam 0.05 / 0.005), seed 5, double
 * precision: G learns N(b, A^T A) and the losses settle at ln 2 per example, as on the d2l page, while W
 * itself is far from A: W^T = R A with R close to a reflection. The slowest test of the family (~10 s on 2 cores).
 */
class Linear2dConvergenceTest {
    @Test
    void d2lSettingsLearnTheGaussianUpToAReflection() {
        RunResult run = new Linear2dExperiment().train(List.of(ConfigRuns.of("linear2d", 5, Map.of())),
                Precision.DOUBLE, RunListener.NONE).get(0);
        Map<String, Double> finals = run.finalMetrics();
        assertEquals(Outcome.CONVERGED, run.outcome());
        assertEquals(1430, run.stepsToConverge().getAsLong());
        assertEquals(2500, run.steps());
        assertEquals(0.08591251342608135, finals.get("cov_rel_error"), 1e-9);
        assertEquals(0.14563738754800792, finals.get("mean_error"), 1e-9);
        assertEquals(Math.log(2), finals.get("loss_d_last_epoch"), 1e-3);
        assertEquals(Math.log(2), finals.get("loss_g_last_epoch"), 1e-3);
        // Closing the loop: R = W^T A^{-1} has det -0.79 (a reflection, up to the remaining stretch) ...
        assertEquals(-0.7908039662261377, finals.get("r_det"), 1e-9);
        assertEquals(0.5684643746061171, finals.get("r_orthogonality_error"), 1e-9);
        // ... and W differs from A^T by 1.9 times the norm of A's norm although the two laws nearly agree.
        assertEquals(1.919471800293501, finals.get("w_vs_a_transpose_error"), 1e-9);
        assertTrue(run.trajectory().size() == 2500 / 25 + 1, "a row every 25 steps plus step 0");
    }
}
