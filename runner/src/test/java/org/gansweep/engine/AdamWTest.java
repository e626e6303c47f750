package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AdamW (decoupled weight decay, PyTorch's rule) in the three optimizers against a plain transcription of
 * PyTorch's algorithm in double, and against its closed form when the data gradient is zero: the moments
 * stay zero, so only the shrink acts and theta_t = theta_0 (1 - lr decay)^t. Coupled decay fails that
 * check by far: Adam normalizes the decay gradient into steps of about lr.
 */
class AdamWTest {
    private static final int PARAMETERS = 3;
    private static final int RUNS = 5;
    private static final int STEPS = 200;
    private static final double[] LR = {1e-3, 1e-2, 3e-2, 1e-2, 0.1};
    private static final double[] DECAY = {0.1, 0.1, 0.5, 0.0, 0.01};
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    /** PyTorch's AdamW, one parameter, in double: shrink, moments, bias corrections, step. */
    private static double[] reference(double[][] grads, double theta0, double lr, double decay) {
        double theta = theta0;
        double m = 0;
        double v = 0;
        double[] out = new double[grads.length];
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1][0];
            theta *= 1 - lr * decay;
            m = BETA1 * m + (1 - BETA1) * g;
            v = BETA2 * v + (1 - BETA2) * g * g;
            double stepSize = lr / (1 - Math.pow(BETA1, t));
            double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(BETA2, t)) + EPS;
            theta -= stepSize * m / denom;
            out[t - 1] = theta;
        }
        return out;
    }

    private static double theta0(int p, int r) {
        return 0.5 + 0.25 * p - 0.3 * r;
    }

    /** grads[t][0]: the gradient of parameter p of run r at step t (zero when asked). */
    private static double[][] gradients(int p, int r, boolean zero) {
        Random random = new Random(31L * p + r);
        double[][] g = new double[STEPS][1];
        for (int t = 0; t < STEPS; t++) {
            g[t][0] = zero ? 0 : (float) (random.nextGaussian() * 0.1 + 0.02 * theta0(p, r));
        }
        return g;
    }

    /** One kernel's optimizer, driven step by step on [P][R] parameters. */
    private interface Kernel {
        double[][] train(boolean zeroGradient, BatchedOptimizer.Kind kind);
    }

    private static double[][] fused(boolean zero, BatchedOptimizer.Kind kind) {
        float[][] params = new float[PARAMETERS][RUNS];
        float[] lr = new float[RUNS];
        float[] decay = new float[RUNS];
        float[] b1 = new float[RUNS];
        float[] b2 = new float[RUNS];
        float[] eps = new float[RUNS];
        for (int r = 0; r < RUNS; r++) {
            lr[r] = (float) LR[r];
            decay[r] = (float) DECAY[r];
            b1[r] = (float) BETA1;
            b2[r] = (float) BETA2;
            eps[r] = (float) EPS;
            for (int p = 0; p < PARAMETERS; p++) {
                params[p][r] = (float) theta0(p, r);
            }
        }
        FusedOptimizer opt = new FusedOptimizer(kind, PARAMETERS, lr, decay, new float[RUNS], b1, b2, eps);
        double[][][] grads = allGradients(zero);
        for (int t = 0; t < STEPS; t++) {
            float[][] g = new float[PARAMETERS][RUNS];
            for (int p = 0; p < PARAMETERS; p++) {
                for (int r = 0; r < RUNS; r++) {
                    g[p][r] = (float) grads[p][r][t];
                }
            }
            opt.step(params, g, 0, RUNS);
        }
        double[][] out = new double[PARAMETERS][RUNS];
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                out[p][r] = params[p][r];
            }
        }
        return out;
    }

    private static double[][] lanes(boolean zero, BatchedOptimizer.Kind kind, Precision precision) {
        double[] params = new double[PARAMETERS * RUNS];
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                params[p * RUNS + r] = LaneMath.round(precision == Precision.FLOAT, theta0(p, r));
            }
        }
        LaneOptimizer opt = new LaneOptimizer(kind, PARAMETERS, new LaneOptimizer.Rows(LR, DECAY, new double[RUNS],
                filled(BETA1), filled(BETA2), filled(EPS)), precision);
        double[][][] grads = allGradients(zero);
        for (int t = 0; t < STEPS; t++) {
            double[] g = new double[PARAMETERS * RUNS];
            for (int p = 0; p < PARAMETERS; p++) {
                for (int r = 0; r < RUNS; r++) {
                    g[p * RUNS + r] = grads[p][r][t];
                }
            }
            opt.step(params, g);
        }
        double[][] out = new double[PARAMETERS][RUNS];
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                out[p][r] = params[p * RUNS + r];
            }
        }
        return out;
    }

    private static double[][] nd4j(boolean zero, BatchedOptimizer.Kind kind) {
        INDArray params = Nd4j.zeros(DataType.DOUBLE, PARAMETERS, RUNS);
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                params.putScalar(p, r, theta0(p, r));
            }
        }
        BatchedOptimizer opt = new BatchedOptimizer(kind, PARAMETERS, new BatchedOptimizer.RunRows(row(LR), row(DECAY),
                row(new double[RUNS]), row(filled(BETA1)), row(filled(BETA2)), row(filled(EPS))));
        double[][][] grads = allGradients(zero);
        for (int t = 0; t < STEPS; t++) {
            INDArray g = Nd4j.zeros(DataType.DOUBLE, PARAMETERS, RUNS);
            for (int p = 0; p < PARAMETERS; p++) {
                for (int r = 0; r < RUNS; r++) {
                    g.putScalar(p, r, grads[p][r][t]);
                }
            }
            opt.step(params, g);
        }
        double[][] out = new double[PARAMETERS][RUNS];
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                out[p][r] = params.getDouble(p, r);
            }
        }
        return out;
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values.clone());
    }

    private static double[] filled(double value) {
        double[] out = new double[RUNS];
        java.util.Arrays.fill(out, value);
        return out;
    }

    /** [p][r][t] */
    private static double[][][] allGradients(boolean zero) {
        double[][][] out = new double[PARAMETERS][RUNS][];
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                double[][] g = gradients(p, r, zero);
                out[p][r] = new double[STEPS];
                for (int t = 0; t < STEPS; t++) {
                    out[p][r][t] = g[t][0];
                }
            }
        }
        return out;
    }

    private static void check(String name, Kernel kernel, double tolerance) {
        double[][] trained = kernel.train(false, BatchedOptimizer.Kind.ADAMW);
        double[][] shrunk = kernel.train(true, BatchedOptimizer.Kind.ADAMW);
        double[][] coupled = kernel.train(true, BatchedOptimizer.Kind.ADAM);
        for (int p = 0; p < PARAMETERS; p++) {
            for (int r = 0; r < RUNS; r++) {
                double[] expected = reference(gradients(p, r, false), theta0(p, r), LR[r], DECAY[r]);
                assertEquals(expected[STEPS - 1], trained[p][r], tolerance, name + " p " + p + " r " + r);
                double closed = theta0(p, r) * Math.pow(1 - LR[r] * DECAY[r], STEPS);
                assertEquals(closed, shrunk[p][r], tolerance, name + " zero gradient, p " + p + " r " + r);
                if (DECAY[r] * LR[r] >= 1e-3) {
                    // Coupled: |theta| falls by about lr per step until it reaches zero.
                    assertEquals(0, coupled[p][r], 10 * LR[r], name + " coupled, p " + p + " r " + r);
                }
            }
        }
    }

    @Test
    void fusedFloatKernel() {
        check("fused", AdamWTest::fused, 2e-5);
    }

    @Test
    void laneKernelInFloatAndDouble() {
        check("lanes float", (zero, kind) -> lanes(zero, kind, Precision.FLOAT), 2e-5);
        check("lanes double", (zero, kind) -> lanes(zero, kind, Precision.DOUBLE), 1e-12);
    }

    @Test
    void nd4jKernelInDouble() {
        check("nd4j", AdamWTest::nd4j, 1e-12);
    }
}
