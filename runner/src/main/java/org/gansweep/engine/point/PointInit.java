package org.gansweep.engine.point;

import org.gansweep.engine.RunStream;

/**
 * A run's initial parameters, drawn like PyTorch's Linear defaults: G's w, b ~ U(-1, 1) (fan-in 1); D's
 * first layer ~ U(-1, 1) (fan-in 1), second layer ~ U(-1/sqrt 2, 1/sqrt 2) (fan-in 2). Both kernels start
 * from these values.
 */
final class PointInit {
    private static final double SECOND_LAYER_BOUND = 1 / Math.sqrt(2);

    private PointInit() {
    }

    /** {w, b, a0, a1, c0, c1, v0, v1, e}. */
    static double[] parameters(RunStream stream) {
        long block = stream.block(0, PointDraws.INIT);
        double[] p = new double[2 + PointDiscriminator.PARAMETERS];
        p[0] = RunStream.uniform(block, 0, -1, 1);
        p[1] = RunStream.uniform(block, 1, -1, 1);
        for (int d = 0; d < PointDiscriminator.PARAMETERS; d++) {
            double bound = d < PointDiscriminator.V0 ? 1 : SECOND_LAYER_BOUND;
            p[2 + d] = RunStream.uniform(block, 2 + d, -bound, bound);
        }
        return p;
    }
}
