package org.gansweep.engine.dirac;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.RunStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The standard normal samples n1 (noise on the generated point) and n2 (noise on the real point) that
 * instance noise averages over, with their weights, as {@code [D, R]} arrays. Monte Carlo: D fresh draws per
 * field evaluation from each run's own stream, weight 1/D (the reference notebook's estimator).
 * Quadrature: D fixed Gauss-Hermite nodes and weights for both n1 and n2, which gives the expected field
 * itself (the two noises enter separate expectations, so one 1-D rule serves both).
 */
final class DiracNoise {
    private static final int DRAW_INSTANCE_NOISE = 1;

    final int rows;
    final INDArray n1;
    final INDArray n2;
    final INDArray weights;
    private final boolean monteCarlo;
    private final INDArray draws;
    private final RunStream[] streams;
    private final HostUpload upload;
    private final double[] host;

    DiracNoise(RunStream[] streams, boolean monteCarlo, int rows, DataType dataType) {
        this.streams = streams.clone();
        this.monteCarlo = monteCarlo;
        this.rows = rows;
        int runs = streams.length;
        upload = new HostUpload(dataType);
        draws = Nd4j.zeros(dataType, 2L * rows, runs);
        n1 = draws.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        n2 = draws.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all());
        weights = Nd4j.zeros(dataType, rows, runs);
        host = new double[2 * rows * runs];
        double[] w = new double[rows * runs];
        if (monteCarlo) {
            Arrays.fill(w, 1.0 / rows);
        } else {
            double[][] rule = gaussHermite(rows);
            for (int i = 0; i < rows; i++) {
                for (int r = 0; r < runs; r++) {
                    w[i * runs + r] = rule[1][i];
                    host[i * runs + r] = rule[0][i];
                    host[(rows + i) * runs + r] = rule[0][i];
                }
            }
            upload.copy(host, draws);
        }
        upload.copy(w, weights);
    }

    /** Fresh Monte Carlo draws for one field evaluation (the evaluation-th of each run); quadrature keeps its nodes. */
    void prepare(long evaluation) {
        if (!monteCarlo) {
            return;
        }
        int runs = streams.length;
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(evaluation, DRAW_INSTANCE_NOISE);
            for (int i = 0; i < 2 * rows; i++) {
                host[i * runs + r] = RunStream.normal(block, i);
            }
        }
        upload.copy(host, draws);
    }

    /**
     * Nodes and weights of the n-point rule for E[g(n)], n ~ N(0, 1). Commons Math gives the rule for the
     * weight exp(-x^2); substituting x = n / sqrt 2 turns it into the standard normal's.
     */
    static double[][] gaussHermite(int n) {
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
        double[][] nodesAndWeights = new double[2][n];
        for (int i = 0; i < n; i++) {
            nodesAndWeights[0][i] = Math.sqrt(2) * rule.getPoint(i);
            nodesAndWeights[1][i] = rule.getWeight(i) / Math.sqrt(Math.PI);
        }
        return nodesAndWeights;
    }
}
