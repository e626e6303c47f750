package org.gansweep.engine.gaussinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.FiniteDifferences;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One real engine step against central finite differences, in double. With plain SGD at lr 1 and no decay
 * the step moves every parameter by exactly minus its gradient, so the gradients the step applied are the
 * before/after differences: D's from its weighted, eased BCE on the step's real minibatch and the fake
 * minibatches of G's noisy copies (instance noise on all of them) plus R1 on the real samples, then G's
 * from -log D(G(z) + noise)
 * through the D that the same step has just updated.
 */
class GaussinitGradientTest {
    private static final int BATCH = 8;

    private record Trick(double target, double realWeight, double fakeWeight, double weightNoise,
                         double instanceNoise, double r1Gamma) {
        Map<String, Object> config() {
            return Map.of("easing", 1 - target, "real_weight", realWeight, "fake_weight", fakeWeight,
                    "weight_noise", weightNoise, "instance_noise", instanceNoise, "r1_gamma", r1Gamma);
        }
    }

    private static List<PlannedRun> runs(int noiseSamples, List<Trick> tricks) {
        String[] inits = {"gaussian", "xavier"};
        List<PlannedRun> runs = new java.util.ArrayList<>();
        for (int r = 0; r < tricks.size(); r++) {
            Map<String, Object> config = new HashMap<>(Map.of("steps", 1L, "log_every", 1L,
                    "batch_size", (long) BATCH, "d_hidden", 4L, "optimizer", "sgd", "lr_d", 1.0, "lr_g", 1.0,
                    "init", inits[r % 2], "noise_samples", (long) noiseSamples));
            config.putAll(tricks.get(r).config());
            runs.add(ConfigRuns.of("gaussinit", 4 + 5L * r, config));
        }
        return runs;
    }

    /**
     * D's loss per run on its input [real B | K fake minibatches of B]: real BCE mean + mean of the fake means
     * + R1's gamma / (2B) * sum of ||d logit / dx||^2 over the real samples (through the ordinary backward).
     */
    private static double[] discriminatorLosses(GaussinitBatch b, INDArray input, List<Trick> tricks) {
        int k = b.noiseSamples;
        double[] p = b.disc.forward(input).dup().data().asDouble();
        double[] loss = new double[b.runs];
        int per = BATCH * (1 + k);
        for (int r = 0; r < b.runs; r++) {
            Trick t = tricks.get(r);
            for (int i = 0; i < per; i++) {
                double q = p[r * per + i];
                loss[r] -= i < BATCH
                        ? t.realWeight() * (t.target() * Math.log(q) + (1 - t.target()) * Math.log(1 - q)) / BATCH
                        : t.fakeWeight() * Math.log(1 - q) / BATCH / k;
            }
        }
        b.disc.forward(input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, BATCH)).dup());
        double[] g = b.disc.backward(Nd4j.ones(DataType.DOUBLE, b.runs, 1, BATCH)).dup().data().asDouble();
        int perRun = g.length / b.runs;
        for (int r = 0; r < b.runs; r++) {
            for (int i = 0; i < perRun; i++) {
                loss[r] += tricks.get(r).r1Gamma() / (2.0 * BATCH) * g[r * perRun + i] * g[r * perRun + i];
            }
        }
        return loss;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /** G's non-saturating loss summed over runs: mean of -log D(G(z) + instance noise). */
    private static double generatorLoss(GaussinitBatch b, INDArray latent) {
        double loss = 0;
        for (double q : b.disc.forward(b.generatorOutputSeenByD(b.gen.forward(latent), 1)).dup().data().asDouble()) {
            loss -= Math.log(q) / BATCH;
        }
        return loss;
    }

    private static void assertStepAppliesBothGradients(int noiseSamples, List<Trick> tricks) {
        GaussinitBatch batch = new GaussinitBatch(runs(noiseSamples, tricks), DataType.DOUBLE);
        INDArray g0 = batch.gen.params.dup();
        INDArray d0 = batch.disc.params.dup();
        INDArray input = batch.discriminatorInput(1); // depends on G's parameters and the draws only
        batch.step(1);
        INDArray g1 = batch.gen.params.dup();
        INDArray d1 = batch.disc.params.dup();
        INDArray latentG = batch.latent(1, GaussinitPurpose.LATENT_G, BATCH);

        batch.gen.params.assign(g0);
        batch.disc.params.assign(d0);
        // The reported D loss of a run with unit weights is its BCE at the pre-step parameters.
        assertEquals(discriminatorLosses(batch, input, tricks)[0], batch.lossD[0], 1e-12);
        FiniteDifferences.assertGradient(batch.disc.params, d0.sub(d1),
                () -> sum(discriminatorLosses(batch, input, tricks)), FiniteDifferences.allRows(d0), 1e-7, "D");

        batch.disc.params.assign(d1);
        FiniteDifferences.assertGradient(batch.gen.params, g0.sub(g1), () -> generatorLoss(batch, latentG),
                FiniteDifferences.allRows(g0), 1e-7, "G");
        assertEquals(sum(batch.lossG), generatorLoss(batch, latentG), 1e-12);
    }

    @Test
    void theStepAppliesExactlyTheGradientsOfBothLosses() {
        assertStepAppliesBothGradients(1, List.of(new Trick(1.0, 1.0, 1.0, 0, 0, 0),
                new Trick(0.9, 0.7, 1.3, 0, 0, 0)));
    }

    @Test
    void withWeightNoiseOverThreeCopiesInstanceNoiseAndR1TheStepStillAppliesExactlyTheGradients() {
        assertStepAppliesBothGradients(3, List.of(new Trick(1.0, 1.0, 1.0, 0.3, 0.2, 0),
                new Trick(0.9, 0.7, 1.3, 0, 0.5, 10.0), new Trick(1.0, 1.0, 0.8, 1.5, 0, 1.0)));
    }

    @Test
    void weightNoiseMakesTheCopiesDifferAndInstanceNoiseMovesOnlyTheRunsThatHaveIt() {
        List<Trick> tricks = List.of(new Trick(1.0, 1.0, 1.0, 0, 0.5, 0), new Trick(1.0, 1.0, 1.0, 1.5, 0, 0));
        GaussinitBatch batch = new GaussinitBatch(runs(2, tricks), DataType.DOUBLE);
        double[] input = batch.discriminatorInput(1).dup().data().asDouble(); // [R, 2, 3B]
        double[] real = batch.real(1).dup().data().asDouble(); // [R, 2, B]
        int per = 3 * BATCH;
        double squares = 0;
        for (int o = 0; o < 2; o++) {
            for (int i = 0; i < BATCH; i++) {
                double shift = input[o * per + i] - real[o * BATCH + i];
                squares += shift * shift;
                // Run 1 has no instance noise: its real samples reach D exactly.
                assertEquals(real[(2 + o) * BATCH + i], input[(2 + o) * per + i], 0.0);
                // Run 1's two copies of G differ (weight noise 1.5); run 0's only by its instance noise.
                double copyGap = input[(2 + o) * per + BATCH + i] - input[(2 + o) * per + 2 * BATCH + i];
                assertTrue(Math.abs(copyGap) > 1e-3, "copies of run 1 at " + o + "," + i + ": " + copyGap);
            }
        }
        // Run 0's real samples moved by N(0, 0.5^2) noise: 16 draws, root mean square well inside (0.25, 1).
        double rms = Math.sqrt(squares / (2 * BATCH));
        assertTrue(rms > 0.25 && rms < 1.0, "rms " + rms);
    }
}
