package org.gansweep.engine.linear2d;

import static org.gansweep.engine.linear2d.Linear2dBatch.C0;
import static org.gansweep.engine.linear2d.Linear2dBatch.G_PARAMETERS;

import java.util.List;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.LaneOptimizer;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link Linear2dBatch} for the fused kernel: the same R d2l GANs, the same draws, the same step (one D
 * update on a real minibatch and G(z), then one G update on the same z against the updated D), in plain
 * Java over host arrays with the runs innermost: G's {@code [6][R]} (W in [out, in] order, then c), D's
 * {@code [37][R]}. Each run's lane is computed on its own, so a run gets the same bits alone or in any batch,
 * on any processor; float runs round every stored value to float.
 */
final class Linear2dFusedBatch implements Linear2dTraining {
    final int runs;
    final int batch;
    final int stepsPerEpoch;
    final long steps;
    final int logEvery;
    final int noiseSamples;
    final Linear2dLanes lanes;
    final double[] gen;
    final double[] disc;
    /** D's pass: rows 0..B-1 real, then one fake minibatch per copy of G; G's pass: B fake rows. */
    final Linear2dLaneDiscriminator dPass;
    final Linear2dLaneDiscriminator gPass;
    /** The step's latent draw, [2][B][R]. */
    final double[] latent;
    final Linear2dLaneLoss loss;
    private final Linear2dLaneDraws draws;
    private final Linear2dData data;
    private final double[][] realHost;
    private final double[] genGrad;
    private final double[] discGrad;
    private final double[] perturbed;
    private final double[] gradLogitD;
    private final double[] gradLogitG;
    private final double[] gradInput;
    /** Where some run has r1_gamma: R1's pass and gamma / 4 per run; else null. */
    private final Linear2dLaneR1 r1;
    private final double[] r1Coefficient;
    private final LaneOptimizer optG;
    private final LaneOptimizer optD;

    Linear2dFusedBatch(List<PlannedRun> plannedRuns, Precision precision) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        runs = plannedRuns.size();
        batch = (int) shape.integer(Linear2dSchema.BATCH_SIZE);
        int points = (int) shape.integer(Linear2dSchema.DATA_POINTS);
        stepsPerEpoch = points / batch;
        steps = shape.integer(Linear2dSchema.EPOCHS) * stepsPerEpoch;
        logEvery = (int) shape.integer(Linear2dSchema.LOG_EVERY);
        noiseSamples = (int) shape.integer(Linear2dSchema.NOISE_SAMPLES);
        lanes = new Linear2dLanes(precision == Precision.FLOAT, runs);
        RunStream[] streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        data = new Linear2dData(streams, points);
        // RunColumns only reads the configs here; the dtype is for ND4J rows, which this kernel never makes.
        RunColumns columns = new RunColumns(plannedRuns, DataType.DOUBLE);
        gen = new double[G_PARAMETERS * runs];
        genGrad = new double[G_PARAMETERS * runs];
        perturbed = new double[G_PARAMETERS * runs];
        disc = new double[Linear2dDiscriminator.PARAMETERS * runs];
        discGrad = new double[Linear2dDiscriminator.PARAMETERS * runs];
        draws = new Linear2dLaneDraws(streams, columns.values("instance_noise"), columns.values("weight_noise"), lanes);
        draws.initialize(columns.values("init_std"), gen, disc);
        int judged = (1 + noiseSamples) * batch;
        dPass = new Linear2dLaneDiscriminator(disc, judged, lanes);
        gPass = new Linear2dLaneDiscriminator(disc, batch, lanes);
        loss = new Linear2dLaneLoss(columns, batch, noiseSamples, lanes);
        latent = new double[2 * batch * runs];
        realHost = new double[2][batch * runs];
        gradLogitD = new double[judged * runs];
        gradLogitG = new double[batch * runs];
        gradInput = new double[2 * batch * runs];
        boolean anyR1 = columns.any("r1_gamma", v -> v > 0);
        r1 = anyR1 ? new Linear2dLaneR1(disc, batch, lanes) : null;
        r1Coefficient = columns.values("r1_gamma");
        for (int r = 0; r < runs; r++) {
            r1Coefficient[r] = lanes.round(lanes.round(r1Coefficient[r]) / 4.0);
        }
        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(shape.text(Linear2dSchema.OPTIMIZER));
        optG = new LaneOptimizer(kind, G_PARAMETERS, LaneOptimizer.Rows.of(columns, "g"), precision);
        optD = new LaneOptimizer(kind, Linear2dDiscriminator.PARAMETERS, LaneOptimizer.Rows.of(columns, "d"),
                precision);
    }

    /** Training step number step (1-based): one D update, then one G update on the same latent draw. */
    @Override
    public void step(long step) {
        int index = (int) ((step - 1) % stepsPerEpoch);
        if (index == 0) {
            data.shuffle((step - 1) / stepsPerEpoch);
        }
        draws.latent(step, batch, latent);
        data.batch(index, batch, realHost);
        updateDiscriminator(step);
        updateGenerator(step);
    }

    /**
     * fake_o = W[o, 0] z_0 + W[o, 1] z_1 + c_o for G's parameters g, written into rows first .. first + B - 1
     * of out, a [2][samples][R] pass input.
     */
    private void generate(double[] g, double[] out, int samples, int first) {
        int plane = batch * runs;
        for (int o = 0; o < 2; o++) {
            int w0 = 2 * o * runs;
            int w1 = (2 * o + 1) * runs;
            int c = (C0 + o) * runs;
            for (int b = 0; b < batch; b++) {
                int z = b * runs;
                int y = (o * samples + first + b) * runs;
                for (int r = 0; r < runs; r++) {
                    double sum = lanes.round(lanes.round(latent[z + r] * g[w0 + r])
                            + lanes.round(latent[plane + z + r] * g[w1 + r]));
                    out[y + r] = lanes.round(sum + g[c + r]);
                }
            }
        }
    }

    /**
     * D's fake rows: one minibatch per copy of G, all from the step's latent draw; copy k's W and c carry
     * fresh N(0, weight_noise^2) noise where a run has it (draws k * 6 .. k * 6 + 5).
     */
    private void generateCopies(long step) {
        for (int k = 0; k < noiseSamples; k++) {
            draws.perturb(step, k, gen, perturbed);
            generate(perturbed, dPass.input, dPass.samples, (1 + k) * batch);
        }
    }

    void updateDiscriminator(long step) {
        int judged = dPass.samples;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < batch * runs; j++) {
                dPass.input[i * judged * runs + j] = lanes.round(realHost[i][j]);
            }
        }
        generateCopies(step);
        draws.addInstanceNoise(dPass, step, Linear2dBatch.DRAW_D_INSTANCE);
        dPass.forward();
        loss.discriminatorLogitGradient(dPass.logit, gradLogitD);
        dPass.backward(gradLogitD);
        dPass.parameterGradients(gradLogitD, discGrad);
        if (r1 != null) {
            r1.addGradient(dPass, r1Coefficient, discGrad);
        }
        optD.step(disc, discGrad);
    }

    /** Non-saturating: sum of BCE(D(G(z)), 1); d/dlogit = sigmoid(s) - 1. Only G's parameters move. */
    void updateGenerator(long step) {
        generate(gen, gPass.input, batch, 0);
        draws.addInstanceNoise(gPass, step, Linear2dBatch.DRAW_G_INSTANCE);
        gPass.forward();
        loss.generatorLogitGradient(gPass.logit, gradLogitG);
        gPass.backward(gradLogitG);
        gPass.inputGradient(gradInput);
        for (int o = 0; o < 2; o++) {
            lanes.sumOverSamples(gradInput, o, null, 0, batch, genGrad, C0 + o, false);
            for (int i = 0; i < 2; i++) {
                lanes.sumOverSamples(gradInput, o, latent, i, batch, genGrad, 2 * o + i, false);
            }
        }
        optG.step(gen, genGrad);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public int logEvery() {
        return logEvery;
    }

    @Override
    public double[] generator() {
        return gen;
    }

    @Override
    public double[] discriminator() {
        return disc;
    }

    @Override
    public double[] discriminatorLoss() {
        return loss.discriminatorLoss(dPass.logit);
    }

    @Override
    public double[] generatorLoss() {
        return loss.generatorLoss(gPass.logit);
    }

    /** Stops a diverged run: zero parameters and optimizer state, zero learning rates. */
    @Override
    public void freeze(int r) {
        for (int p = r; p < gen.length; p += runs) {
            gen[p] = 0;
        }
        for (int p = r; p < disc.length; p += runs) {
            disc[p] = 0;
        }
        optG.freezeRun(r);
        optD.freezeRun(r);
    }
}
