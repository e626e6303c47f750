package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/**
 * The fused kernel trains the same model as the ND4J kernel: from the same draws, every logged value
 * (G's parameters, the criterion, both losses) agrees over the first log steps, to rounding in double and
 * to float noise in float, with every trick of the family switched on in some run and each optimizer.
 */
class Linear2dFusedAgreementTest {
    private static PlannedRun run(long seed, Object... pairs) {
        Map<String, Object> config = new HashMap<>(Map.of("epochs", 4L, "data_points", 48L, "log_every", 4L));
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return ConfigRuns.of("linear2d", seed, config);
    }

    /** Every trick, each in some run: easing both ways, weights, decay, instance noise, R1. */
    private static List<PlannedRun> tricks(Object... shape) {
        return List.of(run(1, shape), with(run(2, "easing", 0.1), shape), with(run(3, "easing", 0.2,
                "easing_one_sided", true, "instance_noise", 0.3), shape),
                with(run(4, "real_weight", 0.7, "fake_weight", 1.3, "d_weight_decay", 0.01, "g_weight_decay", 0.02), shape),
                with(run(5, "r1_gamma", 1.0, "instance_noise", 0.1), shape), with(run(6, "r1_gamma", 0.3, "lr_d", 0.01),
                shape));
    }

    private static PlannedRun with(PlannedRun base, Object... shape) {
        Map<String, Object> config = new HashMap<>(base.config().values());
        for (int i = 0; i < shape.length; i += 2) {
            config.put((String) shape[i], shape[i + 1]);
        }
        return ConfigRuns.of("linear2d", base.seed(), config);
    }

    /** The largest difference of a logged value, relative to max(1, |value|), over all runs and log rows. */
    private static double worstDifference(List<PlannedRun> runs, Precision precision) {
        List<RunResult> fused = new Linear2dExperiment(true, 1).train(runs, precision, RunListener.NONE);
        List<RunResult> nd4j = new Linear2dExperiment().train(runs, precision, RunListener.NONE);
        double worst = 0;
        for (int r = 0; r < runs.size(); r++) {
            assertEquals(nd4j.get(r).trajectory().size(), fused.get(r).trajectory().size());
            for (int i = 1; i < fused.get(r).trajectory().size(); i++) {
                double[] a = fused.get(r).trajectory().row(i);
                double[] b = nd4j.get(r).trajectory().row(i);
                for (int c = 2; c < a.length; c++) {
                    worst = Math.max(worst, Math.abs(a[c] - b[c]) / Math.max(1, Math.abs(b[c])));
                }
            }
        }
        return worst;
    }

    @Test
    void inDoubleBothKernelsAgreeToRoundingWithEveryTrick() {
        // Measured: 4e-16 with Adam, 2e-16 with SGD and momentum (sums and tanh differ only in the last bit).
        double worst = Math.max(worstDifference(tricks(), Precision.DOUBLE),
                worstDifference(tricks("noise_samples", 2L, "weight_noise", 0.4), Precision.DOUBLE));
        assertTrue(worst < 1e-9, "largest difference " + worst);
    }

    @Test
    void inDoubleBothKernelsAgreeToRoundingForSgdAndMomentum() {
        double worst = Math.max(worstDifference(tricks("optimizer", "sgd", "lr_d", 0.2, "lr_g", 0.1), Precision.DOUBLE),
                worstDifference(tricks("optimizer", "sgd_momentum"), Precision.DOUBLE));
        assertTrue(worst < 1e-9, "largest difference " + worst);
    }

    @Test
    void inFloatBothKernelsAgreeToFloatNoise() {
        double worst = Math.max(worstDifference(tricks(), Precision.FLOAT),
                worstDifference(tricks("noise_samples", 3L, "weight_noise", 0.4), Precision.FLOAT));
        // LaneMath tanh and ND4J's float tanh, sums in another order: float noise after 24 steps (3.7e-7 measured).
        assertTrue(worst < 2e-5, "largest difference " + worst);
    }
}
