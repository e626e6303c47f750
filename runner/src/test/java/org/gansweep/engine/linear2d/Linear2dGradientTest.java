package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.TensorOps;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-derived backward passes against central finite differences, in double precision. With plain
 * SGD and lr = 1 one update moves the parameters by exactly -(gradient + decay * parameter), so the
 * gradient the engine used is read back from the parameter change. One training step is one D update then
 * one G update; D's inputs stay in its pass buffers (the real minibatch, then the fake minibatches of two
 * copies of G, with weight noise and R1 in two runs), G's noise is recovered from G's pass input.
 */
class Linear2dGradientTest {
    private static final double H = 1e-6;
    private static final double D_DECAY = 0.1;
    private static final double G_DECAY = 0.05;
    /** R1's gamma per run (0 for the one-sided run): D's loss adds gamma / 4 * sum of ||d logit / dx||^2. */
    private static final double[] R1_GAMMA = {2.0, 0.5, 0.0};

    private static Linear2dBatch batchAfterOneStep(INDArray[] before) {
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
        Linear2dBatch batch = new Linear2dBatch(runs, DataType.DOUBLE);
        before[0] = batch.disc.dup();
        before[1] = batch.gen.dup();
        batch.step(1);
        return batch;
    }

    @Test
    void discriminatorGradientMatchesFiniteDifferencesWithEveryTrickOn() {
        INDArray[] before = new INDArray[2];
        Linear2dBatch batch = batchAfterOneStep(before);
        INDArray used = before[0].sub(batch.disc);
        batch.disc.assign(before[0]);
        for (int p = 0; p < Linear2dDiscriminator.PARAMETERS; p++) {
            for (int r = 0; r < batch.runs; r++) {
                double numeric = (dLoss(batch, p, r, H) - dLoss(batch, p, r, -H)) / (2 * H);
                assertEquals(numeric, used.getDouble(p, r), 1e-7 * Math.max(1, Math.abs(numeric)),
                        "D parameter " + p + " run " + r);
            }
        }
    }

    private static double dLoss(Linear2dBatch batch, int p, int r, double shift) {
        double original = batch.disc.getDouble(p, r);
        batch.disc.putScalar(p, r, original + shift);
        batch.dPass.forward();
        double loss = Linear2dLoss.discriminatorLoss(batch.dPass.logit, batch.target, batch.weight, batch.batch)[r]
                * batch.batch;
        for (int q = 0; q < Linear2dDiscriminator.PARAMETERS; q++) {
            loss += 0.5 * D_DECAY * Math.pow(batch.disc.getDouble(q, r), 2);
        }
        loss += R1_GAMMA[r] / 4 * realInputGradientSquares(batch, r);
        batch.disc.putScalar(p, r, original);
        return loss;
    }

    /** Sum over the real rows of ||d logit / dx||^2 for run r, through D's ordinary backward pass. */
    private static double realInputGradientSquares(Linear2dBatch batch, int r) {
        long rows = batch.dPass.logit.rows();
        batch.dPass.forward();
        batch.dPass.backward(Nd4j.ones(DataType.DOUBLE, rows, batch.runs));
        INDArray[] g = {Nd4j.zeros(DataType.DOUBLE, rows, batch.runs), Nd4j.zeros(DataType.DOUBLE, rows, batch.runs)};
        batch.dPass.inputGradient(g);
        double squares = 0;
        for (int b = 0; b < batch.batch; b++) {
            squares += Math.pow(g[0].getDouble(b, r), 2) + Math.pow(g[1].getDouble(b, r), 2);
        }
        return squares;
    }

    @Test
    void generatorGradientMatchesFiniteDifferencesThroughTheUpdatedDiscriminator() {
        INDArray[] before = new INDArray[2];
        Linear2dBatch batch = batchAfterOneStep(before);
        INDArray used = before[1].sub(batch.gen);
        batch.gen.assign(before[1]);
        INDArray[] noise = new INDArray[2];
        INDArray[] fake = generated(batch);
        for (int o = 0; o < 2; o++) {
            noise[o] = batch.gPass.input[o].sub(fake[o]);
        }
        for (int p = 0; p < Linear2dBatch.G_PARAMETERS; p++) {
            for (int r = 0; r < batch.runs; r++) {
                double numeric = (gLoss(batch, noise, p, r, H) - gLoss(batch, noise, p, r, -H)) / (2 * H);
                assertEquals(numeric, used.getDouble(p, r), 1e-7 * Math.max(1, Math.abs(numeric)),
                        "G parameter " + p + " run " + r);
            }
        }
    }

    /** z W^T + c from the latent draw of the step, computed independently of the engine's generate(). */
    private static INDArray[] generated(Linear2dBatch batch) {
        INDArray[] out = new INDArray[2];
        for (int o = 0; o < 2; o++) {
            out[o] = Nd4j.zeros(DataType.DOUBLE, batch.batch, batch.runs);
            for (int b = 0; b < batch.batch; b++) {
                for (int r = 0; r < batch.runs; r++) {
                    double value = batch.gen.getDouble(Linear2dBatch.C0 + o, r);
                    for (int i = 0; i < 2; i++) {
                        value += batch.gen.getDouble(2 * o + i, r) * batch.latent[i].getDouble(b, r);
                    }
                    out[o].putScalar(b, r, value);
                }
            }
        }
        return out;
    }

    private static double gLoss(Linear2dBatch batch, INDArray[] noise, int p, int r, double shift) {
        double original = batch.gen.getDouble(p, r);
        batch.gen.putScalar(p, r, original + shift);
        INDArray[] fake = generated(batch);
        for (int o = 0; o < 2; o++) {
            TensorOps.sub(fake[o], noise[o].neg(), batch.gPass.input[o]);
        }
        batch.gPass.forward();
        double loss = Linear2dLoss.generatorLoss(batch.gPass.logit, batch.batch)[r] * batch.batch;
        for (int q = 0; q < Linear2dBatch.G_PARAMETERS; q++) {
            loss += 0.5 * G_DECAY * Math.pow(batch.gen.getDouble(q, r), 2);
        }
        batch.gen.putScalar(p, r, original);
        return loss;
    }
}
