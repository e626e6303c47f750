package org.gansweep.engine.dirac;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.gansweep.engine.LaneMath;
import org.gansweep.engine.RunStream;

/**
 * The standard normal samples n1 (noise on the generated point) and n2 (noise on the real point) that
 * instance noise averages over, with their weights, on the host: {@code samples} is {@code [2D][R]}
 * (n1's D rows, then n2's; entry {@code i * R + r}), {@code weights} one per row. Monte Carlo: D fresh
 * draws per field evaluation from each run's own stream, weight 1/D (the reference notebook's estimator).
 * Quadrature: D fixed Gauss-Hermite nodes and weights for both n1 and n2, which gives the expected field
 * itself (the two noises enter separate expectations, so one 1-D rule serves both). Both kernels draw
 * through this class, so they see the same numbers; a float batch's values are rounded to float here.
 */
final class DiracDraws {
    private static final int DRAW_INSTANCE_NOISE = 1;
    /** Rules by node count: Commons Math takes ~10 ms per rule, and every batch or chunk needs one. */
    private static final Map<Integer, double[][]> RULES = new ConcurrentHashMap<>();

    final int rows;
    final double[] samples;
    final double[] weights;
    private final boolean monteCarlo;
    private final boolean single;
    private final RunStream[] streams;

    DiracDraws(RunStream[] streams, boolean monteCarlo, int rows, boolean single) {
        this.streams = streams.clone();
        this.monteCarlo = monteCarlo;
        this.rows = rows;
        this.single = single;
        int runs = streams.length;
        samples = new double[2 * rows * runs];
        weights = new double[rows];
        if (monteCarlo) {
            Arrays.fill(weights, LaneMath.round(single, 1.0 / rows));
            return;
        }
        double[][] rule = RULES.computeIfAbsent(rows, DiracDraws::gaussHermite);
        for (int i = 0; i < rows; i++) {
            weights[i] = LaneMath.round(single, rule[1][i]);
            double node = LaneMath.round(single, rule[0][i]);
            for (int r = 0; r < runs; r++) {
                samples[i * runs + r] = node;
                samples[(rows + i) * runs + r] = node;
            }
        }
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
                samples[i * runs + r] = LaneMath.round(single, RunStream.normal(block, i));
            }
        }
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
