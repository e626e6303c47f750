package org.gansweep.engine.gaussinit;

import org.gansweep.engine.LaneMath;

/**
 * The losses a trajectory reports, from D's outputs in lane form ({@code [1][n][R]}), as GaussinitBatch
 * computes them on the host: in double, plain BCE (no easing or weights: the loss of the model, not of the
 * trick), summed over samples in order. Only at log steps, where they are read.
 */
final class GaussinitLaneLosses {
    private GaussinitLaneLosses() {
    }

    /** D's loss: mean over the real minibatch of -log p, plus per sample the mean over K copies of -log(1 - p). */
    static void discriminator(double[] p, int batch, int copies, int runs, double[] loss) {
        for (int r = 0; r < runs; r++) {
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                double fakeTerm = 0;
                for (int k = 0; k < copies; k++) {
                    fakeTerm += LaneMath.log(1 - p[(batch * (1 + k) + b) * runs + r]);
                }
                sum -= LaneMath.log(p[b * runs + r]) + fakeTerm / copies;
            }
            loss[r] = sum / batch;
        }
    }

    /** G's non-saturating loss: the mean of -log q over its minibatch. */
    static void generator(double[] q, int batch, int runs, double[] loss) {
        for (int r = 0; r < runs; r++) {
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                sum -= LaneMath.log(q[b * runs + r]);
            }
            loss[r] = sum / batch;
        }
    }
}
