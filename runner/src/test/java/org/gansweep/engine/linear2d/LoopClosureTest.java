package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closing-the-loop numbers on generators whose law is known in closed form. */
class LoopClosureTest {
    private static final double[][] A = Linear2dData.A;

    /** W with W^T = Q A, returned row-major as [w00, w01, w10, w11]. */
    private static double[] weightFor(double[][] q) {
        double[][] wt = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                wt[i][j] = q[i][0] * A[0][j] + q[i][1] * A[1][j];
            }
        }
        return new double[] {wt[0][0], wt[1][0], wt[0][1], wt[1][1]};
    }

    private static LoopClosure of(double[] w) {
        return LoopClosure.of(w[0], w[1], w[2], w[3], 1, 2);
    }

    @Test
    void wEqualToATransposeIsThePerfectAnswer() {
        LoopClosure loop = of(weightFor(new double[][] {{1, 0}, {0, 1}}));
        assertEquals(0, loop.covarianceError(), 1e-15);
        assertEquals(0, loop.meanError(), 0.0);
        assertEquals(0, loop.orthogonalityError(), 1e-14);
        assertEquals(1, loop.determinant(), 1e-14);
        assertEquals(0, loop.angleDegrees(), 1e-12);
        assertEquals(0, loop.weightError(), 1e-15);
    }

    @Test
    void aRotatedOrReflectedAIsEquallyPerfectThoughWLooksNothingLikeA() {
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        LoopClosure rotated = of(weightFor(new double[][] {{c, -s}, {s, c}}));
        assertEquals(0, rotated.covarianceError(), 1e-15);
        assertEquals(0, rotated.orthogonalityError(), 1e-14);
        assertEquals(0, rotated.stretchError(), 1e-14);
        assertEquals(1, rotated.determinant(), 1e-14);
        assertEquals(30, rotated.angleDegrees(), 1e-12);
        // W - A^T = A^T (Q^T - I), and Q^T - I is 2 sin(15 degrees) times an orthogonal matrix.
        assertEquals(2 * Math.sin(Math.toRadians(15)), rotated.weightError(), 1e-14);

        LoopClosure reflected = of(weightFor(new double[][] {{c, s}, {s, -c}}));
        assertEquals(0, reflected.covarianceError(), 1e-15);
        assertEquals(0, reflected.orthogonalityError(), 1e-14);
        assertEquals(-1, reflected.determinant(), 1e-14);
        assertEquals(30, reflected.angleDegrees(), 1e-12);
    }

    @Test
    void aStretchedGeneratorShowsInEveryMeasure() {
        LoopClosure doubled = LoopClosure.of(2 * A[0][0], 2 * A[1][0], 2 * A[0][1], 2 * A[1][1], 1.3, 2.4);
        // W W^T = 4 A^T A: relative error 3; R = 2I: R^T R - I = 3I, P - I = I.
        assertEquals(3, doubled.covarianceError(), 1e-14);
        assertEquals(3 * Math.sqrt(2), doubled.orthogonalityError(), 1e-14);
        assertEquals(Math.sqrt(2), doubled.stretchError(), 1e-14);
        assertEquals(4, doubled.determinant(), 1e-14);
        assertEquals(0.5, doubled.meanError(), 1e-15);
    }
}
