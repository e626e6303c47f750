package org.gansweep.engine.point;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.Planner;
import org.gansweep.plan.RunPlan;
import org.gansweep.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The article's unknown choices as parameters: loss_reduction (mean or sum over the batch),
 * weight_noise_mode (one draw per copy of G or per fake sample) and the adamw optimizer. Pinned by
 * identities that hold bit for bit, by the two kernels agreeing, and by a run alone equalling itself in a
 * crowd. Trajectory columns: step, w, b, D's seven parameters, D(1), mean D(fake), loss D, loss G.
 */
class PointReadingsTest {
    private static final PointExperiment FUSED = new PointExperiment(true, 2);
    private static final PointExperiment FUSED_ONE_THREAD = new PointExperiment(true, 1);
    private static final PointExperiment ND4J = new PointExperiment();
    private static final int LOSS_D = 12;
    private static final int LOSS_G = 13;

    private static Map<String, Object> with(Object... pairs) {
        Map<String, Object> m = new HashMap<>(Map.of("steps", 60L, "log_every", 5L));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static List<RunResult> train(PointExperiment kernel, List<PlannedRun> runs) {
        if (kernel != ND4J) {
            assertEquals("fused", kernel.kernel(Precision.FLOAT), "Vector API module missing");
        }
        return kernel.train(runs, Precision.FLOAT, RunListener.NONE);
    }

    /**
     * With B = 32 every weight is a power of two, and scaling by one commutes with rounding: summing D's
     * loss over 2B examples and G's over B, at learning rates lr, is averaging at 2B lr and B lr, bit for bit.
     * The logged losses differ by exactly those factors.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fused", "nd4j"})
    void summingIsAveragingAtLearningRatesScaledByTheBatchBitForBit(String kernelName) {
        PointExperiment kernel = kernelName.equals("fused") ? FUSED : ND4J;
        Object[] shared = {"batch_size", 32L, "easing", 0.1, "weight_noise", 0.5, "noise_samples", 2L};
        List<PlannedRun> summed = new ArrayList<>();
        List<PlannedRun> averaged = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) {
            summed.add(PointRuns.of(seed, with(merge(shared, "loss_reduction", "sum", "lr_d", 0.01, "lr_g", 0.02))));
            averaged.add(PointRuns.of(seed, with(merge(shared, "lr_d", 0.64, "lr_g", 0.64))));
        }
        List<RunResult> sum = train(kernel, summed);
        List<RunResult> mean = train(kernel, averaged);
        for (int r = 0; r < sum.size(); r++) {
            for (int i = 1; i < sum.get(r).trajectory().size(); i++) {
                double[] s = sum.get(r).trajectory().row(i);
                double[] m = mean.get(r).trajectory().row(i);
                assertArrayEquals(Arrays.copyOfRange(m, 0, LOSS_D),
                        Arrays.copyOfRange(s, 0, LOSS_D), 0.0, "run " + r + " row " + i);
                assertEquals((float) (m[LOSS_D] * 64), (float) s[LOSS_D], 0.0, "D loss, row " + i);
                assertEquals((float) (m[LOSS_G] * 32), (float) s[LOSS_G], 0.0, "G loss, row " + i);
            }
        }
    }

    private static Object[] merge(Object[] shared, Object... more) {
        Object[] all = new Object[shared.length + more.length];
        System.arraycopy(shared, 0, all, 0, shared.length);
        System.arraycopy(more, 0, all, shared.length, more.length);
        return all;
    }

    /** Without weight noise there is nothing to draw: both modes train the same run, bit for bit. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fused", "nd4j"})
    void noiseModesAgreeWhenThereIsNoNoise(String kernelName) {
        PointExperiment kernel = kernelName.equals("fused") ? FUSED : ND4J;
        List<RunResult> perCopy = train(kernel, List.of(PointRuns.of(3, with("noise_samples", 3L))));
        List<RunResult> perSample = train(kernel, List.of(PointRuns.of(3, with("noise_samples", 3L,
                "weight_noise_mode", "per_sample"))));
        for (int i = 0; i < perCopy.get(0).trajectory().size(); i++) {
            assertArrayEquals(perCopy.get(0).trajectory().row(i), perSample.get(0).trajectory().row(i), 0.0);
        }
    }

    /** The fused kernel and ND4J's, written apart, train the same model under every new reading. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "adamw", "sgd_momentum"})
    void kernelsAgreeUnderEveryReading(String optimizer) {
        List<PlannedRun> runs = new ArrayList<>();
        // Summed losses make SGD steps 2B times larger: a smaller rate keeps the runs out of chaos, where float
        // noise would grow past any tolerance.
        double lr = optimizer.equals("sgd_momentum") ? 0.001 : 0.005;
        for (String reduction : List.of("mean", "sum")) {
            for (double decay : new double[] {0.0, 0.1}) {
                runs.add(PointRuns.of(runs.size(), with("optimizer", optimizer, "loss_reduction", reduction,
                        "weight_noise_mode", "per_sample", "weight_noise", 1.5, "noise_samples", 4L,
                        "d_weight_decay", decay, "g_weight_decay", decay / 2, "lr_d", lr, "lr_g", lr,
                        "steps", 30L)));
            }
        }
        List<RunResult> fused = train(FUSED, runs);
        List<RunResult> nd4j = train(ND4J, runs);
        double worst = PointRuns.largestParameterDifference(fused, nd4j);
        assertTrue(worst < 5e-5, "largest parameter difference " + worst);
    }

    /** Per-sample noise really draws per sample: it trains a different run than one draw per copy. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fused", "nd4j"})
    void perSampleNoiseDiffersFromPerCopyNoise(String kernelName) {
        PointExperiment kernel = kernelName.equals("fused") ? FUSED : ND4J;
        double[] perCopy = train(kernel, List.of(PointRuns.of(5, with("weight_noise", 1.5, "noise_samples", 2L))))
                .get(0).trajectory().row(1);
        double[] perSample = train(kernel, List.of(PointRuns.of(5, with("weight_noise", 1.5, "noise_samples", 2L,
                "weight_noise_mode", "per_sample")))).get(0).trajectory().row(1);
        assertNotEquals(perCopy[3], perSample[3], "D's first weight after 5 steps");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adamw", "adam"})
    void aRunAloneEqualsItselfInACrowdOnTwoThreadsBitForBit(String optimizer) {
        List<PlannedRun> mine = new ArrayList<>();
        for (String reduction : List.of("mean", "sum")) {
            mine.add(PointRuns.of(40 + mine.size(), with("optimizer", optimizer, "loss_reduction", reduction,
                    "weight_noise_mode", "per_sample", "weight_noise", 1.5, "noise_samples", 4L,
                    "d_weight_decay", 0.1)));
        }
        List<PlannedRun> crowd = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            crowd.add(PointRuns.of(1000 + i, with("optimizer", optimizer, "weight_noise_mode", "per_sample",
                    "noise_samples", 4L, "weight_noise", i % 3 * 0.5, "lr_d", 0.01 + i * 1e-4)));
        }
        crowd.addAll(150, mine);
        List<RunResult> together = train(FUSED, crowd);
        for (int r = 0; r < mine.size(); r++) {
            RunResult alone = train(FUSED_ONE_THREAD, List.of(mine.get(r))).get(0);
            for (int i = 0; i < alone.trajectory().size(); i++) {
                assertArrayEquals(alone.trajectory().row(i), together.get(150 + r).trajectory().row(i), 0.0);
            }
        }
    }

    /**
     * Results written before these readings existed keep their keys (so nobody retrains them): the first run
     * of sweeps/point-tricks.json has the key it had before them.
     */
    @Test
    void runsFromBeforeTheReadingsKeepTheirKeys() throws IOException {
        Path spec = Path.of("../sweeps/point-tricks.json");
        RunPlan plan = new Planner(Map.of("point", PointSchema.SCHEMA))
                .plan(SpecReader.read(spec), 1000);
        assertEquals("9f688531da8c4181", plan.runs().get(0).key().value());
        assertEquals("2e2fe24b512172bf", plan.runs().get(0).group().value());
        assertEquals("mean", plan.runs().get(0).config().text("loss_reduction"));
    }
}
