package org.gansweep.engine.dirac;

import static org.gansweep.engine.dirac.DiracKernels.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.gansweep.engine.Precision;
import org.gansweep.engine.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * Seeded trajectories of the Java kernel in double, pinned to the bit: it uses Java arithmetic and
 * LaneMath only, so these are the numbers on every processor (the ND4J kernel agrees to ~1e-15 relative,
 * not bitwise). Rows are (step, theta, psi, r).
 */
class DiracFusedPinTest {
    private static Trajectory fused(Object... pairs) {
        return DiracKernels.train(DiracKernels.FUSED, List.of(run(7, pairs)), Precision.DOUBLE).get(0).trajectory();
    }

    private static void assertRow(double[] expected, Trajectory trajectory, int row) {
        assertArrayEquals(expected, trajectory.row(row), 0.0, "row " + row);
    }

    @Test
    void monteCarloInstanceNoiseAlternatingTwoPsiStepsSeedSevenIsPinned() {
        Trajectory t = fused("reg", "instance_noise", "update", "alternating", "d_steps", 2L, "noise_draws", 100L,
                "steps", 200L);
        assertRow(new double[] {1, 0.9385199878776005, 1.0404899724441612, 1.4012277296723123}, t, 1);
        assertRow(new double[] {50, 0.06822209988883696, 0.05333363796755164, 0.08659521841358397}, t, 50);
        assertRow(new double[] {200, 0.025997024444139236, -0.018786521382039068, 0.03207457974139309}, t, 200);
    }

    @Test
    void consensusSimultaneousIsPinnedDownToItsFinalRadius() {
        Trajectory t = fused("reg", "consensus");
        assertRow(new double[] {50, 0.1326412238297522, -0.12879839449666203, 0.18488569626656412}, t, 50);
        assertRow(new double[] {500, -1.5968484721987456E-10, 1.3341597656186855E-10, 2.080842935773667E-10}, t, 500);
    }

    @Test
    void wganGpAlternatingIsPinned() {
        Trajectory t = fused("loss", "wgan_gp", "update", "alternating");
        assertRow(new double[] {1, 0.8, 1.1600000000000001, 1.4091131963046832}, t, 1);
        assertRow(new double[] {500, -0.13255947295561965, 1.213849951412346, 1.221066631439098}, t, 500);
    }

    /** The expected field by quadrature, alternating with 5 psi steps: r reaches double's rounding floor. */
    @Test
    void quadratureInstanceNoiseAlternatingFivePsiStepsIsPinned() {
        Trajectory t = fused("reg", "instance_noise", "noise_expectation", "quadrature", "update", "alternating",
                "d_steps", 5L);
        assertRow(new double[] {50, -0.0013632308156101439, 0.002261346304884861, 0.0026404706715367075}, t, 50);
        assertRow(new double[] {500, 2.5797929592240085E-18, 1.5604154194261047E-17, 1.5815971668877522E-17}, t, 500);
    }
}
