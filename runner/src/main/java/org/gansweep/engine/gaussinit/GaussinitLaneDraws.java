package org.gansweep.engine.gaussinit;

import org.gansweep.engine.LaneMath;
import org.gansweep.engine.RunStream;

/**
 * The family's own random inputs in lane form ({@code [units][n][R]}, entry {@code (u * n + s) * R + r}):
 * G's latent draws and the real minibatch, each number exactly as {@link GaussinitBatch} draws it (the same
 * (step, purpose) block and index, the same double arithmetic on the host, then a float batch's rounding, as
 * ND4J's upload of the host values). The tricks' noise comes from {@link org.gansweep.engine.LaneNoise}.
 */
final class GaussinitLaneDraws {
    private final RunStream[] streams;
    private final int runs;
    private final boolean single;
    private final double[][] mu;
    private final double[][] sigma;

    GaussinitLaneDraws(RunStream[] streams, boolean single, double[][] mu, double[][] sigma) {
        this.streams = streams.clone();
        this.runs = streams.length;
        this.single = single;
        this.mu = mu;
        this.sigma = sigma;
    }

    /**
     * Samples from .. from + count - 1 of n latent draws N(0, I3) of (step, purpose) into out {@code [3][count][R]}:
     * run r's (i, s) is its normal draw i * n + s, as GaussinitBatch lays out its [R, 3, n] draws.
     */
    void latent(long step, int purpose, int n, int from, int count, double[] out) {
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(step, purpose);
            for (int i = 0; i < GeneratorInit.IN; i++) {
                for (int s = 0; s < count; s++) {
                    out[(i * count + s) * runs + r] = LaneMath.round(single,
                            RunStream.normal(block, (long) i * n + from + s));
                }
            }
        }
    }

    /** The step's real minibatch N(MU, diag SIGMA^2) into samples 0 .. batch - 1 of x {@code [2][m][R]}. */
    void real(long step, int batch, double[] x, int m) {
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(step, GaussinitPurpose.REAL);
            for (int o = 0; o < GeneratorInit.OUT; o++) {
                for (int b = 0; b < batch; b++) {
                    x[(o * m + b) * runs + r] = LaneMath.round(single,
                            mu[o][r] + sigma[o][r] * RunStream.normal(block, (long) o * batch + b));
                }
            }
        }
    }
}
