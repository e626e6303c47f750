package org.gansweep.engine.gaussinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/** The Gaussian scheme's closed forms, Xavier's scales, and the step-0 measurement of both, pinned. */
class GeneratorInitTest {
    private static final double[] MU = {2, 4};
    private static final double[] SIGMA = {1.5, 0.8};

    @Test
    void gaussianSchemeMakesTheLinearizedOutputExactlyNormalWithMuAndSigma() {
        for (long seed = 1; seed <= 5; seed++) {
            long block = new RunStream(seed).block(0, 0);
            GeneratorInit.Weights w = GeneratorInit.gaussian(block, 0.25, MU, SIGMA);
            // Layer scales: s1 = ALPHA / (1.96 sqrt(3)); s2 = ALPHA / (1.96 sqrt(trace(W1 W1^T))).
            double s1 = 0.25 / (1.96 * Math.sqrt(3));
            assertEquals(s1 * RunStream.normal(block, 0), w.w1()[0][0], 1e-15);
            double trace = 0;
            for (double[] row : w.w1()) {
                for (double v : row) {
                    trace += v * v;
                }
            }
            double s2 = 0.25 / (1.96 * Math.sqrt(trace));
            assertEquals(s2 * RunStream.normal(block, 15), w.w2()[0][0], 1e-15);
            // With zero hidden biases J = W2 W1 and G(z) ~ MU + W3 J z: covariance W3 J J^T W3^T = diag(SIGMA^2).
            RealMatrix j = new Array2DRowRealMatrix(w.w2()).multiply(new Array2DRowRealMatrix(w.w1()));
            RealMatrix w3 = new Array2DRowRealMatrix(w.w3());
            RealMatrix covariance = w3.multiply(j).multiply(j.transpose()).multiply(w3.transpose());
            assertArrayEquals(new double[] {SIGMA[0] * SIGMA[0], 0}, covariance.getRow(0), 1e-10, "seed " + seed);
            assertArrayEquals(new double[] {0, SIGMA[1] * SIGMA[1]}, covariance.getRow(1), 1e-10, "seed " + seed);
            assertArrayEquals(MU, w.b3(), 0.0);
        }
    }

    @Test
    void xavierUsesTanhGainOverFanInPlusFanOut() {
        long block = new RunStream(3).block(0, 0);
        GeneratorInit.Weights w = GeneratorInit.xavier(block, MU);
        double gain = 5.0 / 3.0;
        assertEquals(gain * Math.sqrt(2.0 / 8) * RunStream.normal(block, 0), w.w1()[0][0], 1e-15);
        assertEquals(gain * Math.sqrt(2.0 / 10) * RunStream.normal(block, 15), w.w2()[0][0], 1e-15);
        assertEquals(gain * Math.sqrt(2.0 / 7) * RunStream.normal(block, 40), w.w3()[0][0], 1e-15);
    }

    @Test
    void jarqueBeraOfATwoPointSampleIsNOverSix() {
        // +-1 equally often: skew 0, excess kurtosis 1 - 3 = -2, so JB = n/6 (0 + 4/4) = n/6.
        double[] x = new double[600];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? 1 : -1;
        }
        SampleMoments m = SampleMoments.of(x);
        assertEquals(0.0, m.mean(), 0.0);
        assertEquals(1.0, m.std(), 0.0);
        assertEquals(100.0, m.jarqueBera(), 1e-9);
    }

    @Test
    void atStepZeroTheGaussianSchemeIsCloseToTheTargetAndXavierIsNot() {
        List<PlannedRun> runs = List.of(ConfigRuns.of("gaussinit", 1, Map.of("steps", 0L)),
                ConfigRuns.of("gaussinit", 1, Map.of("steps", 0L, "init", "xavier")));
        List<RunResult> results = new GaussinitExperiment().train(runs, Precision.DOUBLE, RunListener.NONE);
        Map<String, Double> gaussian = results.get(0).finalMetrics();
        Map<String, Double> xavier = results.get(1).finalMetrics();
        // 10,000 samples of seed 1 in double: errors relative to SIGMA, worse output; Jarque-Bera, worse output.
        assertEquals(0.008482562529121274, gaussian.get("init_mean_error"), 1e-12);
        assertEquals(0.04349919886193418, gaussian.get("init_std_error"), 1e-12);
        assertEquals(27.759635122720322, gaussian.get("init_jarque_bera"), 1e-9);
        assertEquals(0.0, gaussian.get("first_within_tol"), 0.0);
        // Same seed, Xavier: an output std off by 181% of SIGMA, and far from normal (tanh saturates).
        assertEquals(1.8055149078022887, xavier.get("init_std_error"), 1e-12);
        assertEquals(956.2389126815859, xavier.get("init_jarque_bera"), 1e-9);
    }
}
