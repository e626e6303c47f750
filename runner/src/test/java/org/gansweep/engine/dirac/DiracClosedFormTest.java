package org.gansweep.engine.dirac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Dirac-GAN's closed-form facts, in double precision, with h = 0.2 and f'(0) = sigmoid(0) = 1/2.
 * Plain GAN, simultaneous: theta' = theta - h psi s, psi' = psi + h theta s with s = f'(psi theta); the cross
 * terms cancel in theta'^2 + psi'^2, so r' = r sqrt(1 + h^2 s^2) exactly at every step. The factor is
 * sqrt(1 + h^2 f'(0)^2) = sqrt(1.01) only where psi theta = 0, i.e. in the linearization at the
 * equilibrium; from the paper's start (1, 1) it is the same formula with s = f'(psi_k theta_k).
 * Each fact is checked on both kernels.
 */
class DiracClosedFormTest {
    private static final String KERNELS = "org.gansweep.engine.dirac.DiracKernels#both";
    private static final double H = 0.2;
    private static final double F_PRIME_0 = 0.5;

    private static Trajectory trajectory(DiracExperiment kernel, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(overrides);
        config.putIfAbsent("steps", 500L);
        return kernel.train(List.of(ConfigRuns.of("dirac", 0, config)), Precision.DOUBLE,
                RunListener.NONE).get(0).trajectory();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @ParameterizedTest
    @MethodSource(KERNELS)
    void plainGanSimultaneousGrowsREveryStepBySqrtOnePlusHSquaredFPrimeSquared(DiracExperiment kernel) {
        Trajectory paper = trajectory(kernel, Map.of("steps", 60L));
        for (int k = 0; k < 60; k++) {
            double[] now = paper.row(k);
            double s = sigmoid(-now[1] * now[2]);
            assertEquals(Math.sqrt(1 + H * H * s * s), paper.row(k + 1)[3] / now[3], 1e-12, "step " + k);
        }
        // Near the equilibrium psi theta ~ 1e-12, so s = f'(0) up to 1e-13.
        Trajectory linear = trajectory(kernel, Map.of("steps", 10L, "theta0", 1e-6, "psi0", 1e-6));
        for (int k = 0; k < 10; k++) {
            assertEquals(Math.sqrt(1 + H * H * F_PRIME_0 * F_PRIME_0), linear.row(k + 1)[3] / linear.row(k)[3], 1e-12);
        }
    }

    /**
     * R1 with gamma = 0.3: v2 gains -gamma psi. Linearized at (0, 0) the field is J (theta, psi) with
     * J = [[0, -f'(0)], [f'(0), -gamma]], eigenvalues lambda = -gamma/2 +- i sqrt(f'(0)^2 - gamma^2/4)
     * = -0.15 +- 0.47697i. A simultaneous step multiplies by I + hJ, eigenvalues 1 + h lambda = 0.97 +- 0.09539i,
     * |1 + h lambda|^2 = 1 - h gamma + h^2 f'(0)^2 = 0.95. I + hJ is not normal, so r itself wobbles within a
     * turn, but the signed area theta_k psi_{k+1} - psi_k theta_{k+1} shrinks by exactly det(I + hJ) = 0.95 per
     * step, and over one full turn (2 pi / arg(1 + h lambda) = 64.1 steps) r shrinks at the rate |1 + h lambda|.
     */
    @ParameterizedTest
    @MethodSource(KERNELS)
    void r1WithGammaPointThreeContractsLikeOnePlusHLambda(DiracExperiment kernel) {
        double gamma = 0.3;
        double modulusSquared = 1 - H * gamma + H * H * F_PRIME_0 * F_PRIME_0;
        assertEquals(0.95, modulusSquared, 1e-15);
        Trajectory linear = trajectory(kernel, Map.of("reg", "r1", "r1_gamma", gamma, "steps", 12L, "theta0", 1e-6,
                "psi0", 1e-6));
        for (int k = 0; k < 10; k++) {
            assertEquals(modulusSquared, area(linear, k + 1) / area(linear, k), 1e-12, "step " + k);
        }
        Trajectory paper = trajectory(kernel, Map.of("reg", "r1", "r1_gamma", gamma));
        for (int k = 400; k < 498; k++) {
            assertEquals(modulusSquared, area(paper, k + 1) / area(paper, k), 1e-9, "step " + k);
        }
        double perStep = Math.pow(paper.row(500)[3] / paper.row(436)[3], 1.0 / 64);
        assertEquals(Math.sqrt(modulusSquared), perStep, 1e-4);
        assertEquals(0.9746794344808963, Math.sqrt(modulusSquared), 1e-15);
    }

    private static double area(Trajectory t, int k) {
        double[] a = t.row(k);
        double[] b = t.row(k + 1);
        return a[1] * b[2] - a[2] * b[1];
    }

    @ParameterizedTest
    @MethodSource(KERNELS)
    void wganClipsPsiAfterEveryUpdate(DiracExperiment kernel) {
        Trajectory clipped = trajectory(kernel, Map.of("loss", "wgan", "wgan_clip", 0.5, "steps", 40L));
        double largest = 0;
        for (int k = 0; k <= 40; k++) {
            largest = Math.max(largest, Math.abs(clipped.row(k)[2]));
        }
        // The start psi0 = 1 is clipped too, as in the notebook's postprocess.
        assertEquals(0.5, largest, 0.0);
    }

    @Test
    void gaussHermiteRuleHasTheStandardNormalsMoments() {
        double[][] rule = DiracDraws.gaussHermite(64);
        double[] moments = new double[5];
        for (int i = 0; i < 64; i++) {
            for (int m = 0; m < 5; m++) {
                moments[m] += rule[1][i] * Math.pow(rule[0][i], m);
            }
        }
        assertEquals(1, moments[0], 1e-14);
        assertEquals(0, moments[1], 1e-14);
        assertEquals(1, moments[2], 1e-14);
        assertEquals(3, moments[4], 1e-13);
    }
}
