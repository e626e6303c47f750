package org.gansweep.engine.point;

import static org.gansweep.engine.point.PointDiscriminator.A0;
import static org.gansweep.engine.point.PointDiscriminator.A1;
import static org.gansweep.engine.point.PointDiscriminator.C0;
import static org.gansweep.engine.point.PointDiscriminator.C1;
import static org.gansweep.engine.point.PointDiscriminator.E;
import static org.gansweep.engine.point.PointDiscriminator.V0;
import static org.gansweep.engine.point.PointDiscriminator.V1;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.gansweep.engine.FastMath;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.VectorMath;

/**
 * The inner loops of the fused path: one example row of D's or G's loss for every run in a range,
 * forward and backward in one pass, gradients accumulated per run in row order, one vector of runs at a
 * time. Ranges start and end on vector boundaries (arrays are padded with inert runs), so every run is
 * computed in a full vector lane with the same operations, alone or in any batch.
 */
final class PointFusedPass {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;

    private PointFusedPass() {
    }

    /** The row's draws for the real runs in range: uniforms, and instance noise when any run has some. */
    static void draw(PointFusedBatch s, int row, boolean uniform, int from, int to, float[] u, float[] noise) {
        long[] block = s.block();
        int end = Math.min(to, s.runs);
        if (uniform) {
            for (int r = from; r < end; r++) {
                u[r] = RunStream.symmetricFloat(block[r], row);
            }
        }
        if (s.anyInstanceNoise) {
            long[] noiseBlock = s.noiseBlock();
            float[] sigma = s.instanceNoise();
            for (int r = from; r < end; r++) {
                noise[r] = sigma[r] > 0 ? (float) RunStream.normal(noiseBlock[r], row) * sigma[r] : 0f;
            }
        }
    }

    /** D's input for a fake row (copy k of G on uniform u) or a real row (the point 1.0), noise added. */
    static void inputs(PointFusedBatch s, int row, boolean fake, int from, int to, float[] u, float[] noise,
                       float[] x) {
        if (fake && s.noisePerSample) {
            s.perturbRow(row, from, to);
        }
        float[] w = s.noisyW(fake ? row : 0);
        float[] b = s.noisyB(fake ? row : 0);
        for (int r = from; r < to; r += S.length()) {
            FloatVector n = FloatVector.fromArray(S, noise, r);
            FloatVector input = fake
                    ? FloatVector.fromArray(S, u, r).mul(FloatVector.fromArray(S, w, r)).add(FloatVector.fromArray(S, b, r))
                    : FloatVector.broadcast(S, 1f);
            input.add(n).intoArray(x, r);
        }
    }

    /**
     * Accumulates dLoss/dParams of D for one row of inputs x. The row is split into loops of one tanh
     * each, over scratch rows: C2 stops inlining a compilation at about 18,000 nodes, a loop holding three
     * vector tanh's passes that, and vectors that leave inlined code are boxed on the heap (measured 3x
     * slower). Arrays, not vectors, cross the loop boundaries.
     */
    static void discriminatorRow(PointFusedBatch s, boolean fake, int from, int to, float[] x) {
        float[][] d = s.disc;
        float[] h0s = s.scratch(0);
        float[] h1s = s.scratch(1);
        float[] gls = s.scratch(2);
        tanhAffine(x, d[A0], d[C0], h0s, from, to);
        tanhAffine(x, d[A1], d[C1], h1s, from, to);
        logitGradient(d, h0s, h1s, s.target(fake), s.exampleWeight(fake), gls, from, to);
        discriminatorBackward(d, s.discGrad(), from, to, x, h0s, h1s, gls);
    }

    /** out = tanh(x a + c), lane by lane. */
    private static void tanhAffine(float[] x, float[] a, float[] c, float[] out, int from, int to) {
        for (int r = from; r < to; r += S.length()) {
            FloatVector z = FloatVector.fromArray(S, x, r).mul(FloatVector.fromArray(S, a, r))
                    .add(FloatVector.fromArray(S, c, r));
            VectorMath.tanh(z).intoArray(out, r);
        }
    }

    /** out = (sigmoid(h0 v0 + h1 v1 + e) - target) * weight: dLoss/dLogit of a weighted BCE. */
    private static void logitGradient(float[][] d, float[] h0s, float[] h1s, float[] target, float[] weight,
                                      float[] out, int from, int to) {
        for (int r = from; r < to; r += S.length()) {
            FloatVector logit = FloatVector.fromArray(S, h0s, r).mul(FloatVector.fromArray(S, d[V0], r))
                    .add(FloatVector.fromArray(S, h1s, r).mul(FloatVector.fromArray(S, d[V1], r)))
                    .add(FloatVector.fromArray(S, d[E], r));
            VectorMath.sigmoid(logit).sub(FloatVector.fromArray(S, target, r))
                    .mul(FloatVector.fromArray(S, weight, r)).intoArray(out, r);
        }
    }

    private static void discriminatorBackward(float[][] d, float[][] g, int from, int to, float[] x, float[] h0s,
                                              float[] h1s, float[] gls) {
        for (int r = from; r < to; r += S.length()) {
            FloatVector xr = FloatVector.fromArray(S, x, r);
            FloatVector h0 = FloatVector.fromArray(S, h0s, r);
            FloatVector h1 = FloatVector.fromArray(S, h1s, r);
            FloatVector gradLogit = FloatVector.fromArray(S, gls, r);
            FloatVector gz0 = gradLogit.mul(FloatVector.fromArray(S, d[V0], r)).mul(FloatVector.broadcast(S, 1f).sub(h0.mul(h0)));
            FloatVector gz1 = gradLogit.mul(FloatVector.fromArray(S, d[V1], r)).mul(FloatVector.broadcast(S, 1f).sub(h1.mul(h1)));
            accumulate(g[E], r, gradLogit);
            accumulate(g[V0], r, gradLogit.mul(h0));
            accumulate(g[V1], r, gradLogit.mul(h1));
            accumulate(g[C0], r, gz0);
            accumulate(g[C1], r, gz1);
            accumulate(g[A0], r, gz0.mul(xr));
            accumulate(g[A1], r, gz1.mul(xr));
        }
    }

    /**
     * Accumulates dLoss/dG for one row: y = u w + b (+ noise) through D, target 1, mean over the batch, as
     * BCE(D(y), 1) = -log D(y) with weight 1/B: the same logit gradient as D's with target 1.
     */
    static void generatorRow(PointFusedBatch s, int from, int to, float[] u, float[] noise) {
        float[][] d = s.disc;
        float[] y = s.scratch(3);
        float[] w = s.gen[PointBatch.W];
        float[] b = s.gen[PointBatch.B];
        for (int r = from; r < to; r += S.length()) {
            FloatVector.fromArray(S, u, r).mul(FloatVector.fromArray(S, w, r)).add(FloatVector.fromArray(S, b, r))
                    .add(FloatVector.fromArray(S, noise, r)).intoArray(y, r);
        }
        float[] h0s = s.scratch(0);
        float[] h1s = s.scratch(1);
        float[] gls = s.scratch(2);
        tanhAffine(y, d[A0], d[C0], h0s, from, to);
        tanhAffine(y, d[A1], d[C1], h1s, from, to);
        logitGradient(d, h0s, h1s, s.generatorTarget(), s.generatorWeight(), gls, from, to);
        generatorBackward(d, s.genGrad(), from, to, u, h0s, h1s, gls);
    }

    private static void generatorBackward(float[][] d, float[][] g, int from, int to, float[] u, float[] h0s,
                                          float[] h1s, float[] gls) {
        for (int r = from; r < to; r += S.length()) {
            FloatVector h0 = FloatVector.fromArray(S, h0s, r);
            FloatVector h1 = FloatVector.fromArray(S, h1s, r);
            FloatVector gradLogit = FloatVector.fromArray(S, gls, r);
            FloatVector gz0 = gradLogit.mul(FloatVector.fromArray(S, d[V0], r)).mul(FloatVector.broadcast(S, 1f).sub(h0.mul(h0)));
            FloatVector gz1 = gradLogit.mul(FloatVector.fromArray(S, d[V1], r)).mul(FloatVector.broadcast(S, 1f).sub(h1.mul(h1)));
            FloatVector gy = gz1.mul(FloatVector.fromArray(S, d[A1], r)).add(gz0.mul(FloatVector.fromArray(S, d[A0], r)));
            accumulate(g[PointBatch.B], r, gy);
            accumulate(g[PointBatch.W], r, gy.mul(FloatVector.fromArray(S, u, r)));
        }
    }

    private static void accumulate(float[] sum, int r, FloatVector value) {
        FloatVector.fromArray(S, sum, r).add(value).intoArray(sum, r);
    }

    /** Adds one row's weighted BCE and (fake rows) D's score to the logged quantities; log steps only. */
    static void recordDiscriminatorRow(PointFusedBatch s, boolean fake, int from, int to, float[] x) {
        float[][] d = s.disc;
        float[] target = s.target(fake);
        float[] weight = s.exampleWeight(fake);
        for (int r = from; r < Math.min(to, s.runs); r++) {
            float logit = logit(d, r, x[r]);
            s.lossD[r] += weight[r] * (float) (softplus(logit) - target[r] * logit);
            if (fake) {
                s.fakeScore[r] += FastMath.sigmoid(logit);
            }
        }
    }

    /** Adds one row's -log D(G(x)) to the logged G loss; log steps only. */
    static void recordGeneratorRow(PointFusedBatch s, int from, int to, float[] u, float[] noise) {
        float[] w = s.gen[PointBatch.W];
        float[] b = s.gen[PointBatch.B];
        for (int r = from; r < Math.min(to, s.runs); r++) {
            s.lossG[r] += (float) softplus(-logit(s.disc, r, u[r] * w[r] + b[r] + noise[r]));
        }
    }

    private static float logit(float[][] d, int r, float x) {
        float h0 = FastMath.tanh(x * d[A0][r] + d[C0][r]);
        float h1 = FastMath.tanh(x * d[A1][r] + d[C1][r]);
        return h0 * d[V0][r] + h1 * d[V1][r] + d[E][r];
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
