package org.gansweep.engine.gauss1d;

import java.util.List;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.LaneMath;
import org.gansweep.engine.LaneNet;
import org.gansweep.engine.LaneNoise;
import org.gansweep.engine.LaneNoisyCopies;
import org.gansweep.engine.LaneOptimizer;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link Gauss1dBatch}'s model on the Java kernel: the same epochs, updates, tricks and draws (the same
 * {@link RunStream} purposes and indices), with G and D as {@link LaneNet}s ({@code [P][R]} parameters,
 * {@code [units][n][R]} activations) and every sum in a fixed order inside a run's lane, so a run gets the
 * same bits alone, in any batch or chunk, on any processor. Buffers are allocated once per batch.
 */
final class Gauss1dLaneBatch implements Gauss1dKernel {
    final int runs;
    private final int minibatch;
    private final int dSteps;
    private final int gSteps;
    private final int evalSamples;
    private final int noiseSamples;
    final LaneNet gen;
    final LaneNet disc;
    private final boolean single;
    private final LaneFeatures features;
    private final LaneOptimizer optG;
    private final LaneOptimizer optD;
    private final RunStream[] streams;
    private final long[] blocks;
    private final double[] dataMean;
    private final double[] dataStd;
    /** Per run: D's real target (1 - easing), and the weights of the real and fake terms (rounded). */
    private final double[] realTarget;
    private final double[] realWeight;
    private final double[] fakeWeight;
    /** The copies of G that D judges (G itself unless some run has weight_noise). */
    private final LaneNoisyCopies copies;
    /** Where some run has instance_noise: the noise on every sample D sees; else null. */
    private final LaneNoise instanceNoise;
    /** Where some run has r1_gamma: gamma / 2 per run (one real input per update); else null. */
    private final double[] r1Coefficient;
    /** U[0, 1) noise {@code [1][n][R]}, a minibatch as D sees it, D's inputs and output gradients. */
    private final double[] noise;
    private final double[] batch;
    private final double[] input;
    private final double[] realInput;
    private final double[] generatorInput;
    private final double[] gradPre;
    private final double[] measured;
    private final double[] lossD;
    private final double[] lossG;
    private final double[] dReal;
    private final double[] dFake;

    Gauss1dLaneBatch(List<PlannedRun> plannedRuns, Precision precision) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        runs = plannedRuns.size();
        single = precision == Precision.FLOAT;
        minibatch = (int) shape.integer(Gauss1dSchema.MINIBATCH);
        dSteps = (int) shape.integer(Gauss1dSchema.D_STEPS);
        gSteps = (int) shape.integer(Gauss1dSchema.G_STEPS);
        evalSamples = (int) shape.integer(Gauss1dSchema.EVAL_SAMPLES);
        noiseSamples = (int) shape.integer(Gauss1dSchema.NOISE_SAMPLES);
        String variant = shape.text(Gauss1dSchema.VARIANT);
        features = LaneFeatures.of(variant, minibatch, runs, precision);
        int featureCount = features.size(minibatch);
        gen = Gauss1dNets.laneGenerator(variant, runs, precision);
        disc = Gauss1dNets.laneDiscriminator(variant, featureCount, runs, precision);
        streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        blocks = new long[runs];
        RunColumns columns = new RunColumns(plannedRuns, DataType.DOUBLE);
        dataMean = columns.values("data_mean");
        dataStd = columns.values("data_std");
        realTarget = mapped(columns.values("easing"), e -> 1 - e);
        realWeight = mapped(columns.values("real_weight"), w -> w);
        fakeWeight = mapped(columns.values("fake_weight"), w -> w / noiseSamples);
        copies = new LaneNoisyCopies(gen, columns.values("weight_noise"), streams, precision);
        LaneNoise instance = new LaneNoise(streams, columns.values("instance_noise"), precision);
        instanceNoise = instance.any() ? instance : null;
        r1Coefficient = columns.any("r1_gamma", v -> v > 0) ? mapped(columns.values("r1_gamma"), g -> g / 2) : null;
        for (int r = 0; r < runs; r++) {
            gen.pytorchDefault(r, streams[r].block(0, Gauss1dBatch.DRAW_INIT), 0);
            disc.pytorchDefault(r, streams[r].block(0, Gauss1dBatch.DRAW_INIT), gen.parameterCount);
        }
        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(shape.text(Gauss1dSchema.OPTIMIZER));
        optG = new LaneOptimizer(kind, gen.parameterCount, LaneOptimizer.Rows.of(columns, "g"), precision);
        optD = new LaneOptimizer(kind, disc.parameterCount, LaneOptimizer.Rows.of(columns, "d"), precision);
        noise = new double[minibatch * runs];
        batch = new double[minibatch * runs];
        input = new double[featureCount * (1 + noiseSamples) * runs];
        realInput = new double[featureCount * runs];
        generatorInput = new double[featureCount * runs];
        gradPre = new double[(1 + noiseSamples) * runs];
        measured = new double[evalSamples * runs];
        lossD = new double[runs];
        lossG = new double[runs];
        dReal = new double[runs];
        dFake = new double[runs];
    }

    /** A per-run row, rounded as a float run stores it. */
    private double[] mapped(double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            out[r] = LaneMath.round(single, f.applyAsDouble(values[r]));
        }
        return out;
    }

    private double round(double x) {
        return single ? (double) (float) x : x;
    }

    @Override
    public void epoch(long epoch) {
        long update = (epoch - 1) * (dSteps + gSteps);
        for (int k = 0; k < dSteps; k++) {
            updateDiscriminator(++update);
        }
        for (int k = 0; k < gSteps; k++) {
            updateGenerator(++update);
        }
    }

    /** out {@code [1][n][R]}: U[0, 1) draws first .. first + n - 1 of (step, purpose) for each run. */
    private void uniforms(long step, int purpose, long first, int n, double[] out) {
        for (int r = 0; r < runs; r++) {
            blocks[r] = streams[r].block(step, purpose);
        }
        for (int s = 0; s < n; s++) {
            for (int r = 0; r < runs; r++) {
                out[s * runs + r] = round(RunStream.uniform(blocks[r], first + s));
            }
        }
    }

    /**
     * One D update, as {@link Gauss1dBatch#updateDiscriminator}: D judges the real minibatch (column 0) and
     * the minibatch of each of the K copies of G (columns 1..K, all mapping the same noise), every sample plus
     * instance_noise; weighted real BCE + mean of the fake BCEs, plus R1 at the real minibatch's features.
     */
    private void updateDiscriminator(long update) {
        int columns = 1 + noiseSamples;
        for (int r = 0; r < runs; r++) {
            blocks[r] = streams[r].block(update, Gauss1dBatch.DRAW_REAL);
        }
        for (int s = 0; s < minibatch; s++) {
            for (int r = 0; r < runs; r++) {
                batch[s * runs + r] = round(dataMean[r] + dataStd[r] * RunStream.normal(blocks[r], s));
            }
        }
        if (instanceNoise != null) {
            instanceNoise.addSamples(update, Gauss1dBatch.DRAW_INSTANCE_D, 0, 1, minibatch, batch);
        }
        features.forward(batch, minibatch, input, 0, columns);
        uniforms(update, Gauss1dBatch.DRAW_NOISE_D, 0, minibatch, noise);
        for (int k = 0; k < noiseSamples; k++) {
            LaneNet copy = copies.copy(update, Gauss1dBatch.DRAW_WEIGHT_NOISE, k);
            System.arraycopy(copy.forward(noise, minibatch), 0, batch, 0, minibatch * runs);
            if (instanceNoise != null) {
                instanceNoise.addSamples(update, Gauss1dBatch.DRAW_INSTANCE_D, (long) (k + 1) * minibatch, 1,
                        minibatch, batch);
            }
            features.forward(batch, minibatch, input, 1 + k, columns);
        }
        double[] p = disc.forward(input, columns);
        // BCE through the output sigmoid: dL/dpre = weight (p - target); column 0 real, columns 1..K fake.
        for (int r = 0; r < runs; r++) {
            gradPre[r] = round(round(p[r] - realTarget[r]) * realWeight[r]);
        }
        for (int k = runs; k < columns * runs; k++) {
            gradPre[k] = round(p[k] * fakeWeight[k % runs]);
        }
        disc.backwardParameters(gradPre);
        if (r1Coefficient != null) {
            for (int f = 0; f < realInput.length / runs; f++) {
                System.arraycopy(input, f * columns * runs, realInput, f * runs, runs);
            }
            disc.addR1Gradient(realInput, 1, r1Coefficient);
        }
        for (int r = 0; r < runs; r++) {
            double fakeD = 0;
            double fakeLog = 0;
            for (int k = 1; k <= noiseSamples; k++) {
                fakeD += p[k * runs + r];
                fakeLog += LaneMath.log(1 - p[k * runs + r]);
            }
            dReal[r] = p[r];
            dFake[r] = fakeD / noiseSamples;
            lossD[r] = -LaneMath.log(p[r]) - fakeLog / noiseSamples;
        }
        optD.step(disc.params, disc.grad);
    }

    /** One G update: G(noise) plus instance_noise through features and D, labelled real. */
    private void updateGenerator(long update) {
        uniforms(update, Gauss1dBatch.DRAW_NOISE_G, 0, minibatch, noise);
        System.arraycopy(gen.forward(noise, minibatch), 0, batch, 0, minibatch * runs);
        if (instanceNoise != null) {
            instanceNoise.addSamples(update, Gauss1dBatch.DRAW_INSTANCE_G, 0, 1, minibatch, batch);
        }
        features.forward(batch, minibatch, generatorInput, 0, 1);
        double[] p = disc.forward(generatorInput, 1);
        for (int r = 0; r < runs; r++) {
            gradPre[r] = round(p[r] - 1.0);
            lossG[r] = -LaneMath.log(p[r]);
        }
        gen.backwardParameters(features.backward(disc.backwardInput(gradPre)));
        optG.step(gen.params, gen.grad);
    }

    /** G's outputs on eval_samples fresh draws, in slices of a minibatch (a sample's output is its own). */
    @Override
    public double[] measure(long epoch) {
        for (int from = 0; from < evalSamples; from += minibatch) {
            int n = Math.min(minibatch, evalSamples - from);
            uniforms(epoch, Gauss1dBatch.DRAW_EVAL, from, n, noise);
            double[] out = gen.forward(noise, n);
            for (int s = 0; s < n; s++) {
                for (int r = 0; r < runs; r++) {
                    measured[r * evalSamples + from + s] = out[s * runs + r];
                }
            }
        }
        return measured;
    }

    @Override
    public void freeze(int r) {
        for (int k = r; k < gen.params.length; k += runs) {
            gen.params[k] = 0;
        }
        for (int k = r; k < disc.params.length; k += runs) {
            disc.params[k] = 0;
        }
        optG.freezeRun(r);
        optD.freezeRun(r);
    }

    @Override
    public double[] generatorParameters() {
        return gen.params;
    }

    @Override
    public double[] discriminatorParameters() {
        return disc.params;
    }

    @Override
    public double[] lossD() {
        return lossD;
    }

    @Override
    public double[] lossG() {
        return lossG;
    }

    @Override
    public double[] dReal() {
        return dReal;
    }

    @Override
    public double[] dFake() {
        return dFake;
    }
}
