package org.gansweep.engine.linear2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.gansweep.engine.RunStream;
import org.junit.jupiter.api.Test;

/** Each run's dataset is X A + b from its own seed, and every epoch visits every point once in a new order. */
class Linear2dDataTest {
    @Test
    void pointsHaveMeanBAndCovarianceATransposeA() {
        int n = 200_000;
        double[] xy = new Linear2dData(new RunStream[] {new RunStream(7)}, n).points(0);
        double[] mean = new double[2];
        for (int i = 0; i < n; i++) {
            mean[0] += xy[2 * i] / n;
            mean[1] += xy[2 * i + 1] / n;
        }
        double[] cov = new double[3];
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - mean[0];
            double dy = xy[2 * i + 1] - mean[1];
            cov[0] += dx * dx / n;
            cov[1] += dx * dy / n;
            cov[2] += dy * dy / n;
        }
        // Standard errors at n = 200,000 are below 0.015; A^T A = [[1.01, 1.95], [1.95, 4.25]].
        assertArrayEquals(new double[] {1, 2}, mean, 0.015);
        assertArrayEquals(new double[] {1.01, 1.95, 4.25}, cov, 0.05);
    }

    @Test
    void everyEpochIsAFreshPermutationOfTheRunsOwnPoints() {
        RunStream[] streams = {new RunStream(1), new RunStream(2)};
        Linear2dData data = new Linear2dData(streams, 12);
        double[][] first = epoch(data, 0, 2);
        double[][] second = epoch(data, 1, 2);
        for (int r = 0; r < 2; r++) {
            double[] own = data.points(r);
            assertArrayEquals(sortedPairs(own), sortedPairs(first[r]), 0.0);
            assertArrayEquals(sortedPairs(own), sortedPairs(second[r]), 0.0);
            assertFalse(Arrays.equals(first[r], second[r]), "epochs 0 and 1 in the same order");
        }
        assertFalse(Arrays.equals(data.points(0), data.points(1)), "two seeds, one dataset");
        // A run's data and order do not depend on the other runs of its batch.
        Linear2dData alone = new Linear2dData(new RunStream[] {new RunStream(2)}, 12);
        assertArrayEquals(second[1], epoch(alone, 1, 1)[0], 0.0);
    }

    /** The whole epoch of each run as (x, y) pairs in visiting order, in batches of 4. */
    private static double[][] epoch(Linear2dData data, long epoch, int runs) {
        data.shuffle(epoch);
        double[][] out = new double[runs][24];
        double[][] batch = new double[2][4 * runs];
        for (int index = 0; index < 3; index++) {
            data.batch(index, 4, batch);
            for (int r = 0; r < runs; r++) {
                for (int b = 0; b < 4; b++) {
                    out[r][2 * (4 * index + b)] = batch[0][b * runs + r];
                    out[r][2 * (4 * index + b) + 1] = batch[1][b * runs + r];
                }
            }
        }
        return out;
    }

    private static double[] sortedPairs(double[] xy) {
        double[] keys = new double[xy.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = xy[2 * i] * 1e3 + xy[2 * i + 1];
        }
        Arrays.sort(keys);
        return keys;
    }
}
