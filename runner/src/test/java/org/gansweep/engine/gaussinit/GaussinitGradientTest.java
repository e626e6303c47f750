package org.gansweep.engine.gaussinit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One real engine step against central finite differences, in double. With plain SGD at lr 1 and no decay
 * the step moves every parameter by exactly minus its gradient, so the gradients the step applied are the
 * before/after differences: D's from its weighted, eased BCE on the step's real and fake minibatches, then
 * G's from -log D(G(z)) through the D that the same step has just updated.
 */
class GaussinitGradientTest {
    private static final int BATCH = 8;
    private static final double H = 1e-6;

    private static PlannedRun run(long seed, String init, Map<String, Object> tricks) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("steps", 1L, "log_every", 1L,
                "batch_size", (long) BATCH, "d_hidden", 4L, "optimizer", "sgd", "lr_d", 1.0, "lr_g", 1.0,
                "init", init));
        config.putAll(tricks);
        return ConfigRuns.of("gaussinit", seed, config);
    }

    private static final List<PlannedRun> RUNS = List.of(run(4, "gaussian", Map.of()),
            run(9, "xavier", Map.of("easing", 0.1, "real_weight", 0.7, "fake_weight", 1.3)));
    private static final double[] TARGET = {1.0, 0.9};
    private static final double[] REAL_WEIGHT = {1.0, 0.7};
    private static final double[] FAKE_WEIGHT = {1.0, 1.3};

    /** D's loss per run: weighted mean BCE of the real batch (eased target) plus that of the fake batch. */
    private static double[] discriminatorLosses(GaussinitBatch b, INDArray real, INDArray latent) {
        INDArray fake = b.gen.forward(latent).dup();
        double[] p = b.disc.forward(Nd4j.concat(2, real, fake)).dup().data().asDouble();
        double[] loss = new double[b.runs];
        for (int r = 0; r < b.runs; r++) {
            for (int k = 0; k < BATCH; k++) {
                double pr = p[r * 2 * BATCH + k];
                double pf = p[r * 2 * BATCH + BATCH + k];
                loss[r] -= REAL_WEIGHT[r] * (TARGET[r] * Math.log(pr) + (1 - TARGET[r]) * Math.log(1 - pr)) / BATCH;
                loss[r] -= FAKE_WEIGHT[r] * Math.log(1 - pf) / BATCH;
            }
        }
        return loss;
    }

    private static double discriminatorLoss(GaussinitBatch b, INDArray real, INDArray latent) {
        double[] perRun = discriminatorLosses(b, real, latent);
        return perRun[0] + perRun[1];
    }

    /** G's non-saturating loss summed over runs: mean of -log D(G(z)). */
    private static double generatorLoss(GaussinitBatch b, INDArray latent) {
        double loss = 0;
        for (double q : b.disc.forward(b.gen.forward(latent)).dup().data().asDouble()) {
            loss -= Math.log(q) / BATCH;
        }
        return loss;
    }

    private static void assertGradient(INDArray params, INDArray applied, DoubleSupplier loss, String what) {
        for (int p = 0; p < params.rows(); p++) {
            for (int r = 0; r < params.columns(); r++) {
                double original = params.getDouble(p, r);
                params.putScalar(p, r, original + H);
                double up = loss.getAsDouble();
                params.putScalar(p, r, original - H);
                double down = loss.getAsDouble();
                params.putScalar(p, r, original);
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, applied.getDouble(p, r), 1e-7 * Math.max(1, Math.abs(numeric)),
                        what + " parameter " + p + " run " + r);
            }
        }
    }

    @Test
    void theStepAppliesExactlyTheGradientsOfBothLosses() {
        GaussinitBatch batch = new GaussinitBatch(RUNS, DataType.DOUBLE);
        INDArray g0 = batch.gen.params.dup();
        INDArray d0 = batch.disc.params.dup();
        batch.step(1);
        INDArray g1 = batch.gen.params.dup();
        INDArray d1 = batch.disc.params.dup();
        INDArray real = batch.real(1);
        INDArray latentD = batch.latent(1, GaussinitBatch.DRAW_LATENT_D, BATCH);
        INDArray latentG = batch.latent(1, GaussinitBatch.DRAW_LATENT_G, BATCH);

        batch.gen.params.assign(g0);
        batch.disc.params.assign(d0);
        // The plain run's reported D loss is its BCE at the pre-step parameters (the other run's is unweighted).
        assertEquals(discriminatorLosses(batch, real, latentD)[0], batch.lossD[0], 1e-12);
        assertGradient(batch.disc.params, d0.sub(d1), () -> discriminatorLoss(batch, real, latentD), "D");

        batch.disc.params.assign(d1);
        assertGradient(batch.gen.params, g0.sub(g1), () -> generatorLoss(batch, latentG), "G");
        assertEquals(batch.lossG[0] + batch.lossG[1], generatorLoss(batch, latentG), 1e-12);
    }
}
