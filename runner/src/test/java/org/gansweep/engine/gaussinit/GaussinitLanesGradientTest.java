package org.gansweep.engine.gaussinit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.FiniteDifferences;
import org.gansweep.engine.LaneNet;
import org.gansweep.engine.Precision;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/**
 * One real fused step against central finite differences, in double, as GaussinitGradientTest does for the
 * ND4J kernel: with plain SGD at lr 1 and no decay the step moves every parameter by exactly minus its
 * gradient, so the before/after differences are the gradients the step applied: D's from its weighted, eased
 * BCE on the real minibatch and G's noisy copies' fakes (instance noise on all) plus R1, then G's from
 * -log D(G(z) + noise) through the D the same step has just updated.
 */
class GaussinitLanesGradientTest {
    private static final int BATCH = 8;

    private record Trick(double target, double realWeight, double fakeWeight, double weightNoise,
                         double instanceNoise, double r1Gamma) {
    }

    private static List<PlannedRun> runs(int noiseSamples, List<Trick> tricks) {
        List<PlannedRun> runs = new ArrayList<>();
        for (int r = 0; r < tricks.size(); r++) {
            Trick t = tricks.get(r);
            Map<String, Object> config = new HashMap<>(Map.of("steps", 1L, "log_every", 1L,
                    "batch_size", (long) BATCH, "d_hidden", 4L, "optimizer", "sgd", "lr_d", 1.0, "lr_g", 1.0,
                    "init", r % 2 == 0 ? "gaussian" : "xavier", "noise_samples", (long) noiseSamples));
            config.putAll(Map.of("easing", 1 - t.target(), "real_weight", t.realWeight(), "fake_weight",
                    t.fakeWeight(), "weight_noise", t.weightNoise(), "instance_noise", t.instanceNoise(),
                    "r1_gamma", t.r1Gamma()));
            runs.add(ConfigRuns.of("gaussinit", 4 + 5L * r, config));
        }
        return runs;
    }

    /** D's loss per run on its input [real B | K fakes of B]: weighted BCE means plus R1. */
    private static double[] discriminatorLosses(LaneNet disc, double[] input, int copies, List<Trick> tricks) {
        int runs = tricks.size();
        int m = BATCH * (1 + copies);
        double[] p = disc.forward(input, m);
        double[] loss = new double[runs];
        for (int s = 0; s < m; s++) {
            for (int r = 0; r < runs; r++) {
                Trick t = tricks.get(r);
                double q = p[s * runs + r];
                loss[r] -= s < BATCH
                        ? t.realWeight() * (t.target() * Math.log(q) + (1 - t.target()) * Math.log(1 - q)) / BATCH
                        : t.fakeWeight() * Math.log(1 - q) / BATCH / copies;
            }
        }
        // R1: gamma / (2B) times the sum over the real samples of ||d logit / dx||^2, by the ordinary backward.
        double[] real = new double[2 * BATCH * runs];
        for (int u = 0; u < 2; u++) {
            System.arraycopy(input, u * m * runs, real, u * BATCH * runs, BATCH * runs);
        }
        disc.forward(real, BATCH);
        double[] ones = new double[BATCH * runs];
        java.util.Arrays.fill(ones, 1.0);
        double[] dx = disc.backward(ones);
        for (int i = 0; i < 2 * BATCH * runs; i++) {
            loss[i % runs] += tricks.get(i % runs).r1Gamma() / (2.0 * BATCH) * dx[i] * dx[i];
        }
        return loss;
    }

    private static void assertGradient(double[] params, double[] before, double[] after, DoubleSupplier loss,
                                       String what) {
        for (int i = 0; i < params.length; i++) {
            double original = params[i];
            params[i] = original + FiniteDifferences.H;
            double up = loss.getAsDouble();
            params[i] = original - FiniteDifferences.H;
            double down = loss.getAsDouble();
            params[i] = original;
            double numeric = (up - down) / (2 * FiniteDifferences.H);
            assertEquals(numeric, before[i] - after[i], 1e-7 * Math.max(1, Math.abs(numeric)), what + " entry " + i);
        }
    }

    private static void assertStepAppliesBothGradients(int copies, List<Trick> tricks) {
        GaussinitLanes lanes = new GaussinitLanes(runs(copies, tricks), Precision.DOUBLE);
        double[] g0 = lanes.gen.params.clone();
        double[] d0 = lanes.disc.params.clone();
        double[] input = lanes.inputs.discriminatorInput(1).clone(); // G's parameters and the draws only
        lanes.step(1, true);
        double[] g1 = lanes.gen.params.clone();
        double[] d1 = lanes.disc.params.clone();
        double[] latentG = lanes.inputs.generatorLatent(1).clone();

        System.arraycopy(g0, 0, lanes.gen.params, 0, g0.length);
        System.arraycopy(d0, 0, lanes.disc.params, 0, d0.length);
        // Run 0 has unit weights and no R1: the reported D loss is its BCE at the pre-step parameters.
        assertEquals(discriminatorLosses(lanes.disc, input, copies, tricks)[0], lanes.lossD()[0], 1e-12);
        assertGradient(lanes.disc.params, d0, d1,
                () -> sum(discriminatorLosses(lanes.disc, input, copies, tricks)), "D");

        System.arraycopy(d1, 0, lanes.disc.params, 0, d1.length);
        DoubleSupplier generatorLoss = () -> {
            double[] q = lanes.disc.forward(lanes.inputs.generatorOutputSeenByD(lanes.gen.forward(latentG, BATCH), 1),
                    BATCH);
            double loss = 0;
            for (int i = 0; i < BATCH * tricks.size(); i++) { // the net's buffers may hold more than B samples
                loss -= Math.log(q[i]) / BATCH;
            }
            return loss;
        };
        assertGradient(lanes.gen.params, g0, g1, generatorLoss, "G");
        assertEquals(generatorLoss.getAsDouble(), sum(lanes.lossG()), 1e-12);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void theFusedStepAppliesExactlyTheGradientsOfBothLosses() {
        assertStepAppliesBothGradients(1, List.of(new Trick(1.0, 1.0, 1.0, 0, 0, 0),
                new Trick(0.9, 0.7, 1.3, 0, 0, 0)));
    }

    @Test
    void withWeightNoiseOverThreeCopiesInstanceNoiseAndR1TheFusedStepStillAppliesExactlyTheGradients() {
        assertStepAppliesBothGradients(3, List.of(new Trick(1.0, 1.0, 1.0, 0.3, 0.2, 0),
                new Trick(0.9, 0.7, 1.3, 0, 0.5, 10.0), new Trick(1.0, 1.0, 0.8, 1.5, 0, 1.0)));
    }
}
