package org.gansweep.engine.gauss1d;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.FiniteDifferences;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The engine's own D and G updates against central finite differences, in double, with every trick gauss1d
 * has switched on in some run: label easing, example weights, weight noise over three copies of G,
 * instance noise and R1. Plain SGD at lr 1 moves each parameter by exactly minus the gradient it applied.
 */
class Gauss1dStepGradientTest {
    private static final int MINIBATCH = 6;
    private static final int COPIES = 3;
    private static final double[] TARGET = {1.0, 0.9, 1.0};
    private static final double[] REAL_WEIGHT = {1.0, 0.7, 1.0};
    private static final double[] FAKE_WEIGHT = {1.0, 1.3, 0.8};
    private static final double[] R1_GAMMA = {0.0, 2.0, 0.5};

    private static List<PlannedRun> runs(String variant) {
        List<Map<String, Object>> tricks = List.of(Map.of("weight_noise", 0.3, "instance_noise", 0.2),
                Map.of("easing", 0.1, "real_weight", 0.7, "fake_weight", 1.3, "instance_noise", 0.5, "r1_gamma", 2.0),
                Map.of("fake_weight", 0.8, "weight_noise", 1.5, "r1_gamma", 0.5));
        List<PlannedRun> runs = new ArrayList<>();
        for (int r = 0; r < tricks.size(); r++) {
            Map<String, Object> config = new HashMap<>(Map.of("variant", variant, "epochs", 1L, "d_steps", 1L,
                    "g_steps", 1L, "minibatch", (long) MINIBATCH, "eval_samples", 10L, "optimizer", "sgd",
                    "lr_d", 1.0, "lr_g", 1.0, "noise_samples", (long) COPIES));
            config.putAll(tricks.get(r));
            runs.add(ConfigRuns.of("gauss1d", 3 + r, config));
        }
        return runs;
    }

    /**
     * D's loss summed over runs on its [R, F, 1 + K] input: weighted real BCE + mean of the K fake BCEs + R1's
     * gamma / 2 * ||d logit / d features||^2 at the real input (through the ordinary backward pass).
     */
    private static double discriminatorLoss(Gauss1dBatch b, INDArray input) {
        double[] p = b.disc.forward(input).dup().data().asDouble();
        double loss = 0;
        for (int r = 0; r < b.runs; r++) {
            double real = p[r * (1 + COPIES)];
            loss -= REAL_WEIGHT[r] * (TARGET[r] * Math.log(real) + (1 - TARGET[r]) * Math.log(1 - real));
            for (int k = 1; k <= COPIES; k++) {
                loss -= FAKE_WEIGHT[r] * Math.log(1 - p[r * (1 + COPIES) + k]) / COPIES;
            }
        }
        b.disc.forward(input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).dup());
        double[] g = b.disc.backward(Nd4j.ones(DataType.DOUBLE, b.runs, 1, 1)).dup().data().asDouble();
        int perRun = g.length / b.runs;
        for (int r = 0; r < b.runs; r++) {
            for (int i = 0; i < perRun; i++) {
                loss += R1_GAMMA[r] / 2 * g[r * perRun + i] * g[r * perRun + i];
            }
        }
        return loss;
    }

    /** G's loss summed over runs: -log D(features(G(u) + instance noise)), v2017's batch mean held fixed. */
    private static double generatorLoss(Gauss1dBatch b, String variant, INDArray noise, INDArray fixedMean) {
        INDArray seen = b.generatorOutputSeenByD(b.gen.forward(noise), 2);
        Features features = Features.of(variant);
        INDArray f = fixedMean == null ? features.forward(seen)
                : ((SquaredDeviations) features).forwardAround(seen, fixedMean);
        double loss = 0;
        for (double q : b.disc.forward(f).dup().data().asDouble()) {
            loss -= Math.log(q);
        }
        return loss;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2018", "v2017"})
    void bothUpdatesApplyExactlyTheGradientsOfTheirLossesWithEveryTrickOn(String variant) {
        Gauss1dBatch batch = new Gauss1dBatch(runs(variant), DataType.DOUBLE);
        INDArray d0 = batch.disc.params.dup();
        INDArray input = batch.discriminatorInput(1); // G's copies and the draws of update 1
        batch.updateDiscriminator(1);
        INDArray d1 = batch.disc.params.dup();
        batch.disc.params.assign(d0);
        FiniteDifferences.assertGradient(batch.disc.params, d0.sub(d1), () -> discriminatorLoss(batch, input),
                FiniteDifferences.evenSample(batch.disc.params, 150), 1e-6, variant + " D");

        batch.disc.params.assign(d1);
        INDArray g0 = batch.gen.params.dup();
        INDArray noise = batch.noise(2, Gauss1dBatch.DRAW_NOISE_G, MINIBATCH);
        INDArray seen = batch.generatorOutputSeenByD(batch.gen.forward(noise), 2).dup();
        INDArray fixedMean = variant.equals("v2017") ? seen.mean(true, 2) : null;
        batch.updateGenerator(2);
        INDArray g1 = batch.gen.params.dup();
        batch.gen.params.assign(g0);
        FiniteDifferences.assertGradient(batch.gen.params, g0.sub(g1),
                () -> generatorLoss(batch, variant, noise, fixedMean),
                FiniteDifferences.evenSample(batch.gen.params, 150), 1e-6, variant + " G");
    }
}
