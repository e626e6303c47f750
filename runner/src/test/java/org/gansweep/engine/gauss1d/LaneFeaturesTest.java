package org.gansweep.engine.gauss1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.gansweep.engine.FiniteDifferences;
import org.gansweep.engine.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lane features (v2018's moments, v2017's squared deviations) against the ND4J features, forward and
 * backward, in double, written into one column of a wider D input; and the moments' gradient against
 * central finite differences (the squared deviations' hold the mean fixed, as Gauss1dGradientTest checks
 * on the ND4J side, which they match here to 1e-12).
 */
class LaneFeaturesTest {
    private static final int RUNS = 2;
    private static final int N = 6;
    private static final int COLUMNS = 3;
    private static final int COLUMN = 1;

    private static double[] gaussian(Random random, int length, double scale, double shift) {
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            values[k] = shift + scale * random.nextGaussian();
        }
        return values;
    }

    /** [1][N][R] -> ND4J's [R, 1, N]. */
    private static INDArray toNd4j(double[] lane) {
        double[] host = new double[lane.length];
        for (int s = 0; s < N; s++) {
            for (int r = 0; r < RUNS; r++) {
                host[r * N + s] = lane[s * RUNS + r];
            }
        }
        return Nd4j.createFromArray(host).reshape(RUNS, 1, N);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2018", "v2017"})
    void laneFeaturesEqualTheNd4jFeaturesForwardAndBackward(String variant) {
        Random random = new Random(5);
        LaneFeatures lane = LaneFeatures.of(variant, N, RUNS, Precision.DOUBLE);
        Features reference = Features.of(variant);
        int size = lane.size(N);
        double[] x = gaussian(random, N * RUNS, 1.25, 4.0);
        double[] out = new double[size * COLUMNS * RUNS];
        lane.forward(x, N, out, COLUMN, COLUMNS);
        double[] expected = reference.forward(toNd4j(x)).dup().data().asDouble();
        for (int f = 0; f < size; f++) {
            for (int r = 0; r < RUNS; r++) {
                assertEquals(expected[r * size + f], out[(f * COLUMNS + COLUMN) * RUNS + r], 1e-12, "feature " + f);
            }
        }
        double[] gradFeatures = gaussian(random, size * RUNS, 1.0, 0.0);
        double[] hostGrad = new double[gradFeatures.length];
        for (int f = 0; f < size; f++) {
            for (int r = 0; r < RUNS; r++) {
                hostGrad[r * size + f] = gradFeatures[f * RUNS + r];
            }
        }
        double[] dx = lane.backward(gradFeatures);
        double[] expectedDx = reference.backward(Nd4j.createFromArray(hostGrad).reshape(RUNS, size, 1)).dup()
                .data().asDouble();
        for (int s = 0; s < N; s++) {
            for (int r = 0; r < RUNS; r++) {
                assertEquals(expectedDx[r * N + s], dx[s * RUNS + r], 1e-12, "sample " + s + " run " + r);
            }
        }
    }

    @Test
    void theVectorMomentsGiveTheScalarMomentsBits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.gansweep.engine.VectorApi.available());
        for (boolean single : new boolean[] {false, true}) {
            for (int runs : new int[] {1, 3, 10, 16}) {
                Random random = new Random(runs);
                int n = 37;
                LaneMoments vector = new LaneMoments(n, runs, single, true);
                LaneMoments scalar = new LaneMoments(n, runs, single, false);
                double[] x = gaussian(random, n * runs, 1.25, 4.0);
                double[] grad = gaussian(random, 4 * runs, 1.0, 0.0);
                for (int k = 0; k < x.length; k++) {
                    x[k] = single ? (float) x[k] : x[k];
                }
                double[] outVector = new double[4 * 2 * runs];
                double[] outScalar = new double[4 * 2 * runs];
                vector.forward(x, n, outVector, 1, 2);
                scalar.forward(x, n, outScalar, 1, 2);
                double[] dxVector = vector.backward(grad);
                double[] dxScalar = scalar.backward(grad);
                for (int k = 0; k < outScalar.length; k++) {
                    assertEquals(Double.doubleToLongBits(outScalar[k]), Double.doubleToLongBits(outVector[k]));
                }
                for (int k = 0; k < dxScalar.length; k++) {
                    assertEquals(Double.doubleToLongBits(dxScalar[k]), Double.doubleToLongBits(dxVector[k]),
                            "runs " + runs + " single " + single + " entry " + k);
                }
            }
        }
    }

    @Test
    void theMomentsGradientMatchesFiniteDifferences() {
        Random random = new Random(8);
        LaneFeatures moments = LaneFeatures.of("v2018", N, RUNS, Precision.DOUBLE);
        double[] x = gaussian(random, N * RUNS, 1.25, 4.0);
        double[] weights = gaussian(random, 4 * RUNS, 1.0, 0.0);
        double[] out = new double[4 * RUNS];
        java.util.function.DoubleSupplier loss = () -> {
            moments.forward(x, N, out, 0, 1);
            double total = 0;
            for (int k = 0; k < out.length; k++) {
                total += weights[k] * out[k];
            }
            return total;
        };
        loss.getAsDouble();
        double[] dx = moments.backward(weights).clone();
        double h = FiniteDifferences.H;
        for (int k = 0; k < x.length; k++) {
            double original = x[k];
            x[k] = original + h;
            double up = loss.getAsDouble();
            x[k] = original - h;
            double down = loss.getAsDouble();
            x[k] = original;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, dx[k], 1e-7 * Math.max(1, Math.abs(numeric)), "entry " + k);
        }
    }
}
