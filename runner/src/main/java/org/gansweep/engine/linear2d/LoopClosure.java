package org.gansweep.engine.linear2d;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * "Closing the loop" (the d2l forum's question): how G(z) = z W^T + c compares with the data's x A + b.
 * G's law is N(c, W W^T), the data's N(b, A^T A); they agree iff c = b and W^T = R A with R orthogonal,
 * because z R ~ N(0, I) for any orthogonal R. So W need not resemble A: R = W^T A^{-1} is the map between
 * them, and its polar decomposition R = U P (U orthogonal, P symmetric positive semi-definite) says how
 * far R is from a pure rotation (det U = +1) or reflection (det U = -1): P = I exactly when the laws match.
 * Immutable.
 *
 * @param covarianceError ||W W^T - A^T A||_F / ||A^T A||_F
 * @param meanError ||c - b||
 * @param orthogonalityError ||R^T R - I||_F, 0 when G's law is the data's
 * @param determinant det R: its sign tells rotation (+) from reflection (-)
 * @param stretchError ||P - I||_F of the polar factor P
 * @param angleDegrees U's angle atan2(U_10, U_00): the rotation angle, or twice the reflection axis's angle
 * @param weightError ||W - A^T||_F / ||A||_F: how far W itself is from the data's own A
 */
record LoopClosure(double covarianceError, double meanError, double orthogonalityError, double determinant,
                   double stretchError, double angleDegrees, double weightError) {
    private static final RealMatrix A = MatrixUtils.createRealMatrix(Linear2dData.A);
    private static final RealMatrix A_INVERSE = MatrixUtils.inverse(A);
    private static final RealMatrix TARGET_COVARIANCE = A.transpose().multiply(A);
    private static final RealMatrix IDENTITY = MatrixUtils.createRealIdentityMatrix(2);

    /** The relative covariance error of W (row-major [w00, w01, w10, w11]), cheap enough for every step. */
    static double covarianceError(double w00, double w01, double w10, double w11) {
        double s00 = w00 * w00 + w01 * w01 - TARGET_COVARIANCE.getEntry(0, 0);
        double s01 = w00 * w10 + w01 * w11 - TARGET_COVARIANCE.getEntry(0, 1);
        double s11 = w10 * w10 + w11 * w11 - TARGET_COVARIANCE.getEntry(1, 1);
        return Math.sqrt(s00 * s00 + 2 * s01 * s01 + s11 * s11) / TARGET_COVARIANCE.getFrobeniusNorm();
    }

    static double meanError(double c0, double c1) {
        return Math.hypot(c0 - Linear2dData.B[0], c1 - Linear2dData.B[1]);
    }

    static LoopClosure of(double w00, double w01, double w10, double w11, double c0, double c1) {
        RealMatrix w = MatrixUtils.createRealMatrix(new double[][] {{w00, w01}, {w10, w11}});
        RealMatrix r = w.transpose().multiply(A_INVERSE);
        double orthogonality = r.transpose().multiply(r).subtract(IDENTITY).getFrobeniusNorm();
        SingularValueDecomposition svd = new SingularValueDecomposition(r);
        RealMatrix u = svd.getU().multiply(svd.getVT());
        RealMatrix p = svd.getV().multiply(svd.getS()).multiply(svd.getVT());
        double determinant = r.getEntry(0, 0) * r.getEntry(1, 1) - r.getEntry(0, 1) * r.getEntry(1, 0);
        return new LoopClosure(covarianceError(w00, w01, w10, w11), meanError(c0, c1), orthogonality, determinant,
                p.subtract(IDENTITY).getFrobeniusNorm(), Math.toDegrees(Math.atan2(u.getEntry(1, 0), u.getEntry(0, 0))),
                w.subtract(A.transpose()).getFrobeniusNorm() / A.getFrobeniusNorm());
    }
}
