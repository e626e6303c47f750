package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.FiniteDifferences;
import org.gansweep.engine.Precision;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/**
 * The fused kernel's hand-written gradients against central finite differences, in double. With plain SGD
 * and lr = 1 one update moves the parameters by exactly -(gradient + decay * parameter), so the gradient
 * the kernel used is read back from the parameter change; D's inputs stay in its pass buffers (the real
 * minibatch, then the fake minibatches of two copies of G, weight noise and R1 in two runs), G's noise is
 * recovered from G's pass input. R1's second-order gradient is also checked alone, against its penalty
 * recomputed through the ordinary first-order backward pass.
 */
class Linear2dLaneGradientTest {
    private static final double H = FiniteDifferences.H;
    private static final double D_DECAY = 0.1;
    private static final double G_DECAY = 0.05;
    private static final double[] R1_GAMMA = {2.0, 0.5, 0.0};

    private static Linear2dFusedBatch batchAfterOneStep(double[][] before) {
        Map<String, Object> tricks = new HashMap<>(Map.of("optimizer", "sgd", "lr_d", 1.0, "lr_g", 1.0,
                "d_weight_decay", D_DECAY, "g_weight_decay", G_DECAY, "instance_noise", 0.2, "init_std", 0.5,
                "data_points", 40L, "batch_size", 5L));
        tricks.put("noise_samples", 2L);
        Map<String, Object> weighted = new HashMap<>(tricks);
        weighted.putAll(Map.of("easing", 0.1, "real_weight", 0.7, "fake_weight", 1.3, "weight_noise", 0.3));
        Map<String, Object> strongR1 = new HashMap<>(weighted);
        strongR1.put("r1_gamma", R1_GAMMA[0]);
        Map<String, Object> weakR1 = new HashMap<>(weighted);
        weakR1.put("r1_gamma", R1_GAMMA[1]);
        Map<String, Object> oneSided = new HashMap<>(tricks);
        oneSided.putAll(Map.of("easing", 0.2, "easing_one_sided", true));
        List<PlannedRun> runs = List.of(ConfigRuns.of("linear2d", 11, strongR1), ConfigRuns.of("linear2d", 12, weakR1),
                ConfigRuns.of("linear2d", 13, oneSided));
        Linear2dFusedBatch batch = new Linear2dFusedBatch(runs, Precision.DOUBLE);
        before[0] = batch.disc.clone();
        before[1] = batch.gen.clone();
        batch.step(1);
        return batch;
    }

    @Test
    void discriminatorGradientMatchesFiniteDifferencesWithEveryTrickOn() {
        double[][] before = new double[2][];
        Linear2dFusedBatch batch = batchAfterOneStep(before);
        double[] used = difference(before[0], batch.disc);
        System.arraycopy(before[0], 0, batch.disc, 0, before[0].length);
        for (int p = 0; p < Linear2dDiscriminator.PARAMETERS; p++) {
            for (int r = 0; r < batch.runs; r++) {
                double numeric = (dLoss(batch, p, r, H) - dLoss(batch, p, r, -H)) / (2 * H);
                assertEquals(numeric, used[p * batch.runs + r], 1e-7 * Math.max(1, Math.abs(numeric)),
                        "D parameter " + p + " run " + r);
            }
        }
    }

    private static double[] difference(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double dLoss(Linear2dFusedBatch batch, int p, int r, double shift) {
        int at = p * batch.runs + r;
        double original = batch.disc[at];
        batch.disc[at] = original + shift;
        batch.dPass.forward();
        double loss = batch.loss.discriminatorLoss(batch.dPass.logit)[r] * batch.batch;
        for (int q = 0; q < Linear2dDiscriminator.PARAMETERS; q++) {
            loss += 0.5 * D_DECAY * Math.pow(batch.disc[q * batch.runs + r], 2);
        }
        loss += R1_GAMMA[r] / 4 * inputGradientSquares(batch.dPass, batch.batch, batch.runs)[r];
        batch.disc[at] = original;
        return loss;
    }

    /** Per run, the sum over the first rows of a pass of ||d logit / dx||^2, through D's ordinary backward pass. */
    private static double[] inputGradientSquares(Linear2dLaneDiscriminator pass, int rows, int runs) {
        int samples = pass.samples;
        pass.forward();
        double[] ones = new double[samples * runs];
        java.util.Arrays.fill(ones, 1.0);
        pass.backward(ones);
        double[] g = new double[2 * samples * runs];
        pass.inputGradient(g);
        double[] squares = new double[runs];
        for (int i = 0; i < 2; i++) {
            for (int s = 0; s < rows; s++) {
                for (int r = 0; r < runs; r++) {
                    squares[r] += Math.pow(g[(i * samples + s) * runs + r], 2);
                }
            }
        }
        return squares;
    }

    @Test
    void generatorGradientMatchesFiniteDifferencesThroughTheUpdatedDiscriminator() {
        double[][] before = new double[2][];
        Linear2dFusedBatch batch = batchAfterOneStep(before);
        double[] used = difference(before[1], batch.gen);
        System.arraycopy(before[1], 0, batch.gen, 0, before[1].length);
        double[] noise = difference(batch.gPass.input, generated(batch));
        for (int p = 0; p < Linear2dBatch.G_PARAMETERS; p++) {
            for (int r = 0; r < batch.runs; r++) {
                double numeric = (gLoss(batch, noise, p, r, H) - gLoss(batch, noise, p, r, -H)) / (2 * H);
                assertEquals(numeric, used[p * batch.runs + r], 1e-7 * Math.max(1, Math.abs(numeric)),
                        "G parameter " + p + " run " + r);
            }
        }
    }

    /** z W^T + c from the step's latent draw as a [2][B][R] pass input, independently of the kernel's. */
    private static double[] generated(Linear2dFusedBatch batch) {
        int runs = batch.runs;
        int plane = batch.batch * runs;
        double[] out = new double[2 * plane];
        for (int o = 0; o < 2; o++) {
            for (int b = 0; b < batch.batch; b++) {
                for (int r = 0; r < runs; r++) {
                    double value = batch.gen[(Linear2dBatch.C0 + o) * runs + r];
                    for (int i = 0; i < 2; i++) {
                        value += batch.gen[(2 * o + i) * runs + r] * batch.latent[i * plane + b * runs + r];
                    }
                    out[o * plane + b * runs + r] = value;
                }
            }
        }
        return out;
    }

    private static double gLoss(Linear2dFusedBatch batch, double[] noise, int p, int r, double shift) {
        int at = p * batch.runs + r;
        double original = batch.gen[at];
        batch.gen[at] = original + shift;
        double[] fake = generated(batch);
        for (int j = 0; j < fake.length; j++) {
            batch.gPass.input[j] = fake[j] + noise[j];
        }
        batch.gPass.forward();
        double loss = batch.loss.generatorLoss(batch.gPass.logit)[r] * batch.batch;
        for (int q = 0; q < Linear2dBatch.G_PARAMETERS; q++) {
            loss += 0.5 * G_DECAY * Math.pow(batch.gen[q * batch.runs + r], 2);
        }
        batch.gen[at] = original;
        return loss;
    }

    @Test
    void theR1GradientAloneMatchesFiniteDifferencesOfThePenaltyAndSkipsRunsWithoutR1() {
        int runs = 3;
        int samples = 4;
        Linear2dLanes lanes = new Linear2dLanes(false, runs);
        Random random = new Random(7);
        double[] params = new double[Linear2dDiscriminator.PARAMETERS * runs];
        for (int i = 0; i < params.length; i++) {
            params[i] = 0.9 * random.nextGaussian();
        }
        Linear2dLaneDiscriminator pass = new Linear2dLaneDiscriminator(params, samples, lanes);
        for (int i = 0; i < pass.input.length; i++) {
            pass.input[i] = 1.5 * random.nextGaussian();
        }
        double[] coefficient = {0.3, 1.7, 0.0};
        double[] analytic = new double[params.length];
        pass.forward();
        new Linear2dLaneR1(params, samples, lanes).addGradient(pass, coefficient, analytic);
        for (int p = 0; p < Linear2dDiscriminator.PARAMETERS; p++) {
            for (int r = 0; r < runs; r++) {
                int at = p * runs + r;
                double original = params[at];
                params[at] = original + H;
                double up = coefficient[r] * inputGradientSquares(pass, samples, runs)[r];
                params[at] = original - H;
                double down = coefficient[r] * inputGradientSquares(pass, samples, runs)[r];
                params[at] = original;
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, analytic[at], 1e-7 * Math.max(1, Math.abs(numeric)), "parameter " + p + " run " + r);
            }
        }
    }
}
