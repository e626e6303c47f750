package org.gansweep.engine.linear2d;

import org.gansweep.engine.RunStream;

/**
 * Each run's fixed dataset, data = X A + b with X ~ N(0, I2) drawn once from the run's stream (d2l draws
 * its 1000 points once, then reshuffles them every epoch), and the per-run permutation of the current
 * epoch. Host-side: minibatches are gathered here and uploaded.
 */
final class Linear2dData {
    /** The target's A and b (source); the real law is N(b, A^T A). */
    static final double[][] A = {{1, 2}, {-0.1, 0.5}};
    static final double[] B = {1, 2};
    private static final int DRAW_DATA = 10;
    private static final int DRAW_SHUFFLE = 11;

    private final RunStream[] streams;
    private final int points;
    /** Run r's point i is (data[r][2i], data[r][2i + 1]). */
    private final double[][] data;
    private final int[][] order;

    Linear2dData(RunStream[] streams, int points) {
        this.streams = streams.clone();
        this.points = points;
        data = new double[streams.length][2 * points];
        order = new int[streams.length][points];
        for (int r = 0; r < streams.length; r++) {
            long block = streams[r].block(0, DRAW_DATA);
            for (int i = 0; i < points; i++) {
                double x0 = RunStream.normal(block, 2L * i);
                double x1 = RunStream.normal(block, 2L * i + 1);
                data[r][2 * i] = x0 * A[0][0] + x1 * A[1][0] + B[0];
                data[r][2 * i + 1] = x0 * A[0][1] + x1 * A[1][1] + B[1];
            }
        }
    }

    /** A fresh uniform permutation of each run's points for this epoch (Fisher-Yates on the run's stream). */
    void shuffle(long epoch) {
        for (int r = 0; r < streams.length; r++) {
            int[] perm = order[r];
            for (int i = 0; i < points; i++) {
                perm[i] = i;
            }
            long block = streams[r].block(epoch, DRAW_SHUFFLE);
            for (int i = points - 1; i > 0; i--) {
                int j = (int) Math.floor(RunStream.uniform(block, i) * (i + 1));
                int swap = perm[i];
                perm[i] = perm[j];
                perm[j] = swap;
            }
        }
    }

    /** Minibatch number index of the epoch: coordinate c of row b of run r goes to out[c][b * R + r]. */
    void batch(int index, int size, double[][] out) {
        int runs = streams.length;
        for (int r = 0; r < runs; r++) {
            for (int b = 0; b < size; b++) {
                int point = order[r][index * size + b];
                out[0][b * runs + r] = data[r][2 * point];
                out[1][b * runs + r] = data[r][2 * point + 1];
            }
        }
    }

    /** Run r's dataset as (x, y) pairs, for tests and checks. */
    double[] points(int r) {
        return data[r].clone();
    }
}
