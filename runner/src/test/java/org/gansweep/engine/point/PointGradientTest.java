package org.gansweep.engine.point;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gansweep.engine.TensorOps;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-derived backward passes against central finite differences, in double precision. With plain
 * SGD and lr = 1 one update moves the parameters by exactly -(gradient + decay * parameter), so the
 * gradient the engine used is read back from the parameter change.
 */
class PointGradientTest {
    private static final double H = 1e-6;

    private static List<PlannedRun> runs(Map<String, Object> overrides) {
        return List.of(PointRuns.of(11, overrides), PointRuns.of(12, overrides), PointRuns.of(13, overrides));
    }

    @ParameterizedTest(name = "{0}, weight noise {1}")
    @CsvSource({"mean, per_copy", "sum, per_copy", "mean, per_sample", "sum, per_sample"})
    void discriminatorGradientMatchesFiniteDifferencesWithEveryTrickOn(String reduction, String noiseMode) {
        double decay = 0.1;
        PointBatch batch = new PointBatch(runs(Map.ofEntries(Map.entry("optimizer", "sgd"), Map.entry("lr_d", 1.0),
                Map.entry("d_weight_decay", decay), Map.entry("easing", 0.1), Map.entry("real_weight", 0.7),
                Map.entry("fake_weight", 1.3), Map.entry("weight_noise", 0.5), Map.entry("noise_samples", 3),
                Map.entry("instance_noise", 0.2), Map.entry("batch_size", 5), Map.entry("loss_reduction", reduction),
                Map.entry("weight_noise_mode", noiseMode))), DataType.DOUBLE);
        INDArray before = batch.disc.dup();
        batch.updateDiscriminator(0);
        INDArray used = before.sub(batch.disc);
        batch.disc.assign(before);
        for (int p = 0; p < PointDiscriminator.PARAMETERS; p++) {
            for (int r = 0; r < batch.runs; r++) {
                double numeric = (dLoss(batch, p, r, H, decay) - dLoss(batch, p, r, -H, decay)) / (2 * H);
                assertEquals(numeric, used.getDouble(p, r), 1e-7 * Math.max(1, Math.abs(numeric)),
                        "d param " + p + " run " + r);
            }
        }
    }

    private static double dLoss(PointBatch batch, int p, int r, double shift, double decay) {
        double original = batch.disc.getDouble(p, r);
        batch.disc.putScalar(p, r, original + shift);
        batch.dPass.forward();
        double loss = PointLoss.discriminatorLoss(batch.dPass, batch.target, batch.weight)[r];
        for (int q = 0; q < PointDiscriminator.PARAMETERS; q++) {
            loss += 0.5 * decay * Math.pow(batch.disc.getDouble(q, r), 2);
        }
        batch.disc.putScalar(p, r, original);
        return loss;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mean", "sum"})
    void generatorGradientMatchesFiniteDifferences(String reduction) {
        double decay = 0.05;
        PointBatch batch = new PointBatch(runs(Map.of("optimizer", "sgd", "lr_g", 1.0, "g_weight_decay", decay,
                "batch_size", 7, "loss_reduction", reduction)), DataType.DOUBLE);
        INDArray before = batch.gen.dup();
        batch.updateGenerator(0);
        INDArray used = before.sub(batch.gen);
        batch.gen.assign(before);
        for (int p = 0; p < 2; p++) {
            for (int r = 0; r < batch.runs; r++) {
                double numeric = (gLoss(batch, p, r, H, decay) - gLoss(batch, p, r, -H, decay)) / (2 * H);
                assertEquals(numeric, used.getDouble(p, r), 1e-7 * Math.max(1, Math.abs(numeric)),
                        "g param " + p + " run " + r);
            }
        }
    }

    private static double gLoss(PointBatch batch, int p, int r, double shift, double decay) {
        double original = batch.gen.getDouble(p, r);
        batch.gen.putScalar(p, r, original + shift);
        TensorOps.mulRow(batch.genInput, batch.gen.getRow(PointBatch.W), batch.gPass.input);
        TensorOps.addRow(batch.gPass.input, batch.gen.getRow(PointBatch.B), batch.gPass.input);
        batch.gPass.forward();
        double loss = PointLoss.generatorLoss(batch.gPass, batch.summed)[r];
        loss += 0.5 * decay * (Math.pow(batch.gen.getDouble(0, r), 2) + Math.pow(batch.gen.getDouble(1, r), 2));
        batch.gen.putScalar(p, r, original);
        return loss;
    }
}
