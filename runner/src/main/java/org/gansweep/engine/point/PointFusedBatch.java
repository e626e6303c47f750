package org.gansweep.engine.point;

import static org.gansweep.engine.FastMath.sigmoid;
import static org.gansweep.engine.FastMath.tanh;

import java.util.List;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.FusedOptimizer;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.VectorMath;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;

/**
 * The CPU fused path for the single-point GAN: the same model, draws, initialization and update order as
 * {@link PointBatch}, but each update is one pass over the runs with the JDK's Vector API (a vector of
 * runs per instruction), instead of ~40 ND4J ops that each sweep memory. Every run's arithmetic happens in its own lane, in a
 * fixed order, so a run is bitwise the same alone or in any batch, on any thread. It agrees with the ND4J
 * path to float tolerance (tanh within 1 ulp, sums in another order), not bitwise.
 */
final class PointFusedBatch {
    final int runs;
    /** Runs rounded up to whole vectors; the extra lanes are inert (zero parameters, rates and weights). */
    final int lanes;
    final int batch;
    final int copies;
    final int fakeRows;
    final PointShape shape;
    private final RunStream[] streams;
    /** G's [w, b] and D's 7 parameters, each indexed by run. */
    final float[][] gen = new float[2][];
    final float[][] disc = new float[PointDiscriminator.PARAMETERS][];
    private final float[][] genGrad;
    private final float[][] discGrad;
    private final float[] weightNoise;
    /** weight_noise_mode per_sample: every fake row draws its own perturbation of w and b. */
    final boolean noisePerSample;
    /** Per run: losses summed over the batch instead of averaged (loss_reduction sum). */
    private final boolean[] summed;
    private final float[] instanceNoise;
    final boolean anyInstanceNoise;
    private final float[] fakeTarget;
    private final float[] realTarget;
    private final float[] fakeWeight;
    private final float[] realWeight;
    final FusedOptimizer optG;
    final FusedOptimizer optD;
    /** Per-run scratch: block seeds and the perturbed copies of G. */
    private final long[] block;
    private final long[] noiseBlock;
    private final long[] weightNoiseBlock;
    private final float[][] noisyW;
    private final float[][] noisyB;
    /** Per-sample weight noise: the perturbed w and b of the current fake row, per run. */
    private final float[] rowW;
    private final float[] rowB;
    /** Row scratch: the uniform draws and instance noise of one example row, per run. */
    private final float[] rowUniform;
    private final float[] rowNoise;
    private final float[] rowInput;
    /** Scratch rows between the forward and backward loops of one example row. */
    private final float[][] scratch;
    /** G's loss as a weighted BCE: target 1 and weight 1/B for every run. */
    private final float[] generatorTarget;
    private final float[] generatorWeight;
    /** What the last recorded D and G updates saw, for the trajectory (filled only when asked). */
    final float[] lossD;
    final float[] fakeScore;
    final float[] lossG;

    PointFusedBatch(List<PlannedRun> plannedRuns) {
        ResolvedConfig first = plannedRuns.get(0).config();
        shape = PointShape.of(first);
        runs = plannedRuns.size();
        int width = VectorMath.SPECIES.length();
        lanes = (runs + width - 1) / width * width;
        batch = shape.batch();
        copies = shape.copies();
        fakeRows = shape.fakeRows();
        streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        RunColumns columns = new RunColumns(plannedRuns, null);
        weightNoise = floats(columns.values("weight_noise"));
        noisePerSample = shape.noisePerSample();
        summed = PointLoss.summed(plannedRuns);
        instanceNoise = floats(columns.values("instance_noise"));
        anyInstanceNoise = columns.any("instance_noise", v -> v > 0);
        double[] easing = columns.values("easing");
        boolean[] oneSided = columns.flags("easing_one_sided");
        double[] fakeW = columns.values("fake_weight");
        double[] realW = columns.values("real_weight");
        fakeTarget = new float[lanes];
        realTarget = new float[lanes];
        fakeWeight = new float[lanes];
        realWeight = new float[lanes];
        for (int r = 0; r < runs; r++) {
            fakeTarget[r] = (float) (oneSided[r] ? 0 : easing[r]);
            realTarget[r] = (float) (1 - easing[r]);
            fakeWeight[r] = (float) PointLoss.fakeWeight(fakeW[r], copies, batch, summed[r]);
            realWeight[r] = (float) PointLoss.realWeight(realW[r], batch, summed[r]);
        }
        initialize();
        genGrad = new float[2][lanes];
        discGrad = new float[PointDiscriminator.PARAMETERS][lanes];
        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(first.text(PointSchema.OPTIMIZER));
        optG = new FusedOptimizer(kind, 2, floats(columns.values("lr_g")), floats(columns.values("g_weight_decay")),
                floats(columns.values("momentum")), floats(columns.values("adam_beta1")),
                floats(columns.values("adam_beta2")), floats(columns.values("adam_eps")));
        optD = new FusedOptimizer(kind, PointDiscriminator.PARAMETERS, floats(columns.values("lr_d")),
                floats(columns.values("d_weight_decay")), floats(columns.values("momentum")),
                floats(columns.values("adam_beta1")), floats(columns.values("adam_beta2")),
                floats(columns.values("adam_eps")));
        block = new long[lanes];
        noiseBlock = new long[lanes];
        weightNoiseBlock = new long[lanes];
        rowW = new float[lanes];
        rowB = new float[lanes];
        noisyW = new float[copies][lanes];
        noisyB = new float[copies][lanes];
        rowUniform = new float[lanes];
        rowNoise = new float[lanes];
        rowInput = new float[lanes];
        scratch = new float[4][lanes];
        generatorTarget = new float[lanes];
        generatorWeight = new float[lanes];
        java.util.Arrays.fill(generatorTarget, 1f);
        java.util.Arrays.fill(generatorWeight, 1f / batch);
        for (int r = 0; r < runs; r++) {
            generatorWeight[r] = (float) PointLoss.generatorWeight(batch, summed[r]);
        }
        lossD = new float[lanes];
        fakeScore = new float[lanes];
        lossG = new float[lanes];
    }

    /** Per-run values as floats, padded with zeros to whole vectors. */
    private float[] floats(double[] values) {
        float[] out = new float[lanes];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Every run's initial parameters (PointInit), as floats; padding lanes stay zero. */
    private void initialize() {
        for (int p = 0; p < 2; p++) {
            gen[p] = new float[lanes];
        }
        for (int p = 0; p < PointDiscriminator.PARAMETERS; p++) {
            disc[p] = new float[lanes];
        }
        for (int r = 0; r < runs; r++) {
            double[] p = PointInit.parameters(streams[r]);
            gen[PointBatch.W][r] = (float) p[0];
            gen[PointBatch.B][r] = (float) p[1];
            for (int k = 0; k < PointDiscriminator.PARAMETERS; k++) {
                disc[k][r] = (float) p[2 + k];
            }
        }
    }

    /** One D update of runs [from, to); record = also fill lossD and fakeScore for the trajectory. */
    void updateDiscriminator(long update, int from, int to, boolean record) {
        float[] w = gen[PointBatch.W];
        float[] b = gen[PointBatch.B];
        for (int r = from; r < Math.min(to, runs); r++) {
            block[r] = streams[r].block(update, PointDraws.D_INPUT);
            for (int k = 0; k < copies; k++) {
                noisyW[k][r] = w[r];
                noisyB[k][r] = b[r];
            }
            if (weightNoise[r] > 0) {
                weightNoiseBlock[r] = streams[r].block(update, PointDraws.WEIGHT_NOISE);
            }
            if (weightNoise[r] > 0 && !noisePerSample) {
                // As PointBatch: w_k = (n_k * sigma) + w, b_k = (n'_k * sigma) + b, in float.
                for (int k = 0; k < copies; k++) {
                    noisyW[k][r] = (float) RunStream.normal(weightNoiseBlock[r], k) * weightNoise[r] + w[r];
                    noisyB[k][r] = (float) RunStream.normal(weightNoiseBlock[r], copies + k) * weightNoise[r] + b[r];
                }
            }
            if (instanceNoise[r] > 0) {
                noiseBlock[r] = streams[r].block(update, PointDraws.D_INSTANCE);
            }
        }
        for (float[] g : discGrad) {
            java.util.Arrays.fill(g, from, to, 0f);
        }
        if (record) {
            java.util.Arrays.fill(lossD, from, to, 0f);
            java.util.Arrays.fill(fakeScore, from, to, 0f);
        }
        for (int i = 0; i < fakeRows + batch; i++) {
            boolean fake = i < fakeRows;
            PointFusedPass.draw(this, i, fake, from, to, rowUniform, rowNoise);
            PointFusedPass.inputs(this, i, fake, from, to, rowUniform, rowNoise, rowInput);
            PointFusedPass.discriminatorRow(this, fake, from, to, rowInput);
            if (record) {
                PointFusedPass.recordDiscriminatorRow(this, fake, from, to, rowInput);
            }
        }
        if (record) {
            for (int r = from; r < to; r++) {
                fakeScore[r] /= fakeRows;
            }
        }
        optD.step(disc, discGrad, from, to);
    }

    /** One G update of runs [from, to): the non-saturating loss; only G's parameters move. */
    void updateGenerator(long update, int from, int to, boolean record) {
        for (int r = from; r < Math.min(to, runs); r++) {
            block[r] = streams[r].block(update, PointDraws.G_INPUT);
            if (instanceNoise[r] > 0) {
                noiseBlock[r] = streams[r].block(update, PointDraws.G_INSTANCE);
            }
        }
        for (float[] g : genGrad) {
            java.util.Arrays.fill(g, from, to, 0f);
        }
        if (record) {
            java.util.Arrays.fill(lossG, from, to, 0f);
        }
        for (int i = 0; i < batch; i++) {
            PointFusedPass.draw(this, i, true, from, to, rowUniform, rowNoise);
            PointFusedPass.generatorRow(this, from, to, rowUniform, rowNoise);
            if (record) {
                PointFusedPass.recordGeneratorRow(this, from, to, rowUniform, rowNoise);
            }
        }
        if (record) {
            for (int r = from; r < Math.min(to, runs); r++) {
                lossG[r] /= summed[r] ? 1 : batch;
            }
        }
        optG.step(gen, genGrad, from, to);
    }

    /** D(1.0) of each run, for the trajectory. */
    float scoreOfRealPoint(int r) {
        float[][] d = disc;
        float h0 = tanh(1f * d[PointDiscriminator.A0][r] + d[PointDiscriminator.C0][r]);
        float h1 = tanh(1f * d[PointDiscriminator.A1][r] + d[PointDiscriminator.C1][r]);
        return sigmoid(h0 * d[PointDiscriminator.V0][r] + h1 * d[PointDiscriminator.V1][r] + d[PointDiscriminator.E][r]);
    }

    void freeze(int r) {
        for (float[] p : gen) {
            p[r] = 0f;
        }
        for (float[] p : disc) {
            p[r] = 0f;
        }
        optG.freezeRun(r);
        optD.freezeRun(r);
    }

    // Package-private views for PointFusedPass, which holds the per-row inner loops.
    long[] block() {
        return block;
    }

    long[] noiseBlock() {
        return noiseBlock;
    }

    /** G's perturbed w for fake row {@code row}: its copy's, or (per sample) the row's own. */
    float[] noisyW(int row) {
        return noisePerSample ? rowW : noisyW[row / batch];
    }

    float[] noisyB(int row) {
        return noisePerSample ? rowB : noisyB[row / batch];
    }

    /**
     * Per-sample weight noise: draws fake row {@code row}'s w and b for the runs in range, as PointBatch:
     * w_i = (n_i * sigma) + w and b_i = (n_{fakeRows + i} * sigma) + b, in float.
     */
    void perturbRow(int row, int from, int to) {
        float[] w = gen[PointBatch.W];
        float[] b = gen[PointBatch.B];
        for (int r = from; r < Math.min(to, runs); r++) {
            if (weightNoise[r] > 0) {
                rowW[r] = (float) RunStream.normal(weightNoiseBlock[r], row) * weightNoise[r] + w[r];
                rowB[r] = (float) RunStream.normal(weightNoiseBlock[r], fakeRows + row) * weightNoise[r] + b[r];
            } else {
                rowW[r] = w[r];
                rowB[r] = b[r];
            }
        }
    }

    float[][] discGrad() {
        return discGrad;
    }

    float[][] genGrad() {
        return genGrad;
    }

    float[] generatorTarget() {
        return generatorTarget;
    }

    float[] generatorWeight() {
        return generatorWeight;
    }

    float[] scratch(int i) {
        return scratch[i];
    }

    float[] instanceNoise() {
        return instanceNoise;
    }

    float[] target(boolean fake) {
        return fake ? fakeTarget : realTarget;
    }

    float[] exampleWeight(boolean fake) {
        return fake ? fakeWeight : realWeight;
    }
}
