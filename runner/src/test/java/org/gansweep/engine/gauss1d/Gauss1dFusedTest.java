package org.gansweep.engine.gauss1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java kernel against the ND4J kernel on short runs of both variants with every trick switched on in
 * some run (easing, example weights, weight decay, weight noise over two copies of G, instance noise, R1):
 * the same draws and model, so the trajectories agree to rounding, in double to 1e-9 and in float to float
 * tolerance, at every log step.
 */
class Gauss1dFusedTest {
    static PlannedRun run(String variant, long seed, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("variant", variant, "epochs", 6L, "d_steps", 2L,
                "g_steps", 2L, "minibatch", 24L, "log_every", 2L, "eval_samples", 400L, "noise_samples", 2L));
        if (variant.equals("v2017")) {
            config.putAll(Map.of("optimizer", "adam", "lr_d", 0.0002, "lr_g", 0.0002));
        }
        config.putAll(more);
        return ConfigRuns.of("gauss1d", seed, config);
    }

    static List<PlannedRun> trickRuns(String variant) {
        return List.of(run(variant, 1, Map.of()), run(variant, 2, Map.of("easing", 0.1, "real_weight", 0.7)),
                run(variant, 3, Map.of("fake_weight", 0.5, "d_weight_decay", 0.01, "g_weight_decay", 0.02)),
                run(variant, 4, Map.of("weight_noise", 0.5, "instance_noise", 0.2)),
                run(variant, 5, Map.of("r1_gamma", 1.0, "lr_g", 0.01, "lr_d", 0.005)),
                run(variant, 6, Map.of("weight_noise", 0.1, "instance_noise", 0.5, "r1_gamma", 0.3, "easing", 0.2)));
    }

    @ParameterizedTest
    @CsvSource({"v2018, DOUBLE, 1e-9", "v2017, DOUBLE, 1e-9", "v2018, FLOAT, 1e-4", "v2017, FLOAT, 1e-4"})
    void theJavaKernelAgreesWithTheNd4jKernelToRounding(String variant, Precision precision, double tolerance) {
        List<PlannedRun> runs = trickRuns(variant);
        List<RunResult> nd4j = new Gauss1dExperiment().train(runs, precision, RunListener.NONE);
        List<RunResult> fused = new Gauss1dExperiment(true, 1).train(runs, precision, RunListener.NONE);
        double worst = 0;
        for (int i = 0; i < runs.size(); i++) {
            List<double[]> expected = nd4j.get(i).trajectory().rows();
            List<double[]> actual = fused.get(i).trajectory().rows();
            assertEquals(expected.size(), actual.size());
            for (int row = 0; row < expected.size(); row++) {
                for (int c = 0; c < expected.get(row).length; c++) {
                    double e = expected.get(row)[c];
                    double a = actual.get(row)[c];
                    if (Double.isNaN(e)) {
                        assertEquals(e, a, variant + " run " + i + " row " + row + " column " + c);
                        continue;
                    }
                    worst = Math.max(worst, Math.abs(e - a) / Math.max(1, Math.abs(e)));
                    assertEquals(e, a, tolerance * Math.max(1, Math.abs(e)),
                            variant + " run " + i + " row " + row + " column " + c);
                }
            }
            assertEquals(nd4j.get(i).outcome(), fused.get(i).outcome());
        }
        System.out.println(variant + " " + precision + " worst relative difference " + worst);
    }
}
