package org.gansweep.engine.gaussinit;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.gansweep.engine.Activation;
import org.gansweep.engine.LaneMath;
import org.gansweep.engine.LaneNet;
import org.gansweep.engine.LaneNoise;
import org.gansweep.engine.LaneNoisyCopies;
import org.gansweep.engine.LaneOptimizer;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link GaussinitBatch}'s model in the Java lanes ("fused" kernel): the same G (3 -> 5 tanh -> 5 tanh -> 2)
 * and D (2 -> h tanh -> h tanh -> 1 sigmoid), the same draws, losses, tricks and update order, with every
 * array laid out runs-innermost ({@code [units][n][R]}) so each run's lane is computed on its own, in a fixed
 * order: the same bits alone, in any batch or chunk, on any processor. Float runs round every stored value
 * (see {@link LaneMath}). Buffers are allocated once per batch; not thread-safe.
 */
final class GaussinitLanes implements GaussinitKernel {
    /** Samples per forward pass of a measurement: G's buffers stay small while eval_samples is large. */
    private static final int MEASURE_PIECE = 256;

    private final GaussinitShape shape;
    final int runs;
    private final boolean single;
    final LaneNet gen;
    final LaneNet disc;
    final double[][] mu;
    final double[][] sigma;
    private final GaussinitLaneDraws draws;
    final GaussinitLaneInputs inputs;
    private final LaneOptimizer optG;
    private final LaneOptimizer optD;
    /** Per run, as GaussinitBatch's [R, 1, 1] factors: 1 - easing, real_weight / B, fake_weight / (B K). */
    private final double[] realTarget;
    private final double[] realWeight;
    private final double[] fakeWeight;
    /** Where some run has r1_gamma: gamma / (2 B) per run; else null. */
    private final double[] r1Coefficient;
    private final double[] lossD;
    private final double[] lossG;
    /** dLoss/d(D's logit) in its update, {@code [1][B (1 + K)][R]}. */
    private final double[] gradInput;
    /** The real samples as D saw them ({@code [2][B][R]}), for R1. */
    private final double[] realSeen;
    /** dLoss/d(D's logit) in G's update, {@code [1][B][R]}. */
    private final double[] gradFake;
    private final double[] latentMeasure;

    GaussinitLanes(List<PlannedRun> plannedRuns, Precision precision) {
        shape = GaussinitShape.of(plannedRuns.get(0).config());
        runs = plannedRuns.size();
        single = precision == Precision.FLOAT;
        int[] gSizes = {GeneratorInit.IN, GeneratorInit.HIDDEN, GeneratorInit.HIDDEN, GeneratorInit.OUT};
        Activation[] gActivations = {Activation.TANH, Activation.TANH, Activation.LINEAR};
        gen = new LaneNet(gSizes, gActivations, runs, precision);
        disc = new LaneNet(new int[] {GeneratorInit.OUT, shape.dHidden(), shape.dHidden(), 1},
                new Activation[] {Activation.TANH, Activation.TANH, Activation.SIGMOID}, runs, precision);
        RunColumns columns = new RunColumns(plannedRuns, DataType.DOUBLE);
        mu = new double[][] {columns.values("mu0"), columns.values("mu1")};
        sigma = new double[][] {columns.values("sigma0"), columns.values("sigma1")};
        RunStream[] streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        draws = new GaussinitLaneDraws(streams, single, mu, sigma);
        inputs = new GaussinitLaneInputs(shape, draws, gen,
                new LaneNoisyCopies(gen, columns.values("weight_noise"), streams, precision),
                new LaneNoise(streams, columns.values("instance_noise"), precision));
        int batch = shape.batch();
        int k = shape.noiseSamples();
        realTarget = perRun(columns.values("easing"), e -> 1 - e);
        realWeight = perRun(columns.values("real_weight"), w -> w / batch);
        fakeWeight = perRun(columns.values("fake_weight"), w -> w / batch / k);
        r1Coefficient = columns.any("r1_gamma", v -> v > 0)
                ? perRun(columns.values("r1_gamma"), g -> g / (2.0 * batch)) : null;
        double[] alpha = columns.values("alpha");
        for (int r = 0; r < runs; r++) {
            GeneratorInit.of(plannedRuns.get(r).config().text(GaussinitSchema.INIT),
                    streams[r].block(0, GaussinitPurpose.INIT), alpha[r], new double[] {mu[0][r], mu[1][r]},
                    new double[] {sigma[0][r], sigma[1][r]})
                    .writeLane(gen.params, r, runs, gen::weightRow, gen::biasRow, v -> LaneMath.round(single, v));
            disc.pytorchDefault(r, streams[r].block(0, GaussinitPurpose.INIT_D), 0);
        }
        optG = new LaneOptimizer(shape.optimizer(), gen.parameterCount, LaneOptimizer.Rows.of(columns, "g"),
                precision);
        optD = new LaneOptimizer(shape.optimizer(), disc.parameterCount, LaneOptimizer.Rows.of(columns, "d"),
                precision);
        lossD = new double[runs];
        lossG = new double[runs];
        gradInput = new double[batch * (1 + k) * runs];
        realSeen = r1Coefficient != null ? new double[GeneratorInit.OUT * batch * runs] : null;
        gradFake = new double[batch * runs];
        latentMeasure = new double[GeneratorInit.IN * MEASURE_PIECE * runs];
    }

    private double[] perRun(double[] values, DoubleUnaryOperator f) {
        double[] mapped = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            mapped[r] = LaneMath.round(single, f.applyAsDouble(values[r]));
        }
        return mapped;
    }

    private double round(double x) {
        return LaneMath.round(single, x);
    }

    @Override
    public GaussinitShape shape() {
        return shape;
    }

    /**
     * One step (1-based), as {@link GaussinitBatch#step}: a D update (mean BCE of the real minibatch plus the
     * mean over G's copies of each fake minibatch's mean BCE, plus R1 on the real samples as D sees them),
     * then a G update through the D just updated.
     */
    @Override
    public void step(long step, boolean record) {
        updateDiscriminator(step, record);
        updateGenerator(step, record);
    }

    private void updateDiscriminator(long step, boolean record) {
        int batch = shape.batch();
        int k = shape.noiseSamples();
        int m = batch * (1 + k);
        double[] p = disc.forward(inputs.discriminatorInput(step), m);
        // Mean BCE through the output sigmoid: dL/dpre = weight (p - target) / B, a fake's also / K.
        for (int s = 0; s < m; s++) {
            int base = s * runs;
            if (s < batch) {
                for (int r = 0; r < runs; r++) {
                    gradInput[base + r] = round(round(p[base + r] - realTarget[r]) * realWeight[r]);
                }
            } else {
                for (int r = 0; r < runs; r++) {
                    gradInput[base + r] = round(p[base + r] * fakeWeight[r]);
                }
            }
        }
        if (record) {
            GaussinitLaneLosses.discriminator(p, batch, k, runs, lossD);
        }
        disc.backwardParameters(gradInput);
        if (r1Coefficient != null) {
            inputs.realSeen(realSeen);
            disc.addR1Gradient(realSeen, batch, r1Coefficient);
        }
        optD.step(disc.params, disc.grad);
    }

    private void updateGenerator(long step, boolean record) {
        int batch = shape.batch();
        double[] seen = inputs.generatorOutputSeenByD(gen.forward(inputs.generatorLatent(step), batch), step);
        double[] q = disc.forward(seen, batch);
        // Non-saturating: the mean of -log D(G(z)), so dL/dpre = (q - 1) / B.
        for (int i = 0; i < gradFake.length; i++) {
            gradFake[i] = round(round(q[i] - 1.0) / batch);
        }
        if (record) {
            GaussinitLaneLosses.generator(q, batch, runs, lossG);
        }
        gen.backwardParameters(disc.backwardInput(gradFake)); // D's own gradients are not needed here
        optG.step(gen.params, gen.grad);
    }

    /** G's outputs on n fresh draws of (step, MEASURE), [R][2][n], in passes of at most MEASURE_PIECE samples. */
    @Override
    public double[][][] sample(long step, int n) {
        double[][][] out = new double[runs][GeneratorInit.OUT][n];
        for (int from = 0; from < n; from += MEASURE_PIECE) {
            int count = Math.min(MEASURE_PIECE, n - from);
            draws.latent(step, GaussinitPurpose.MEASURE, n, from, count, latentMeasure);
            double[] y = gen.forward(latentMeasure, count);
            for (int o = 0; o < GeneratorInit.OUT; o++) {
                for (int s = 0; s < count; s++) {
                    int base = (o * count + s) * runs;
                    for (int r = 0; r < runs; r++) {
                        out[r][o][from + s] = y[base + r];
                    }
                }
            }
        }
        return out;
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
    public void freeze(int r) {
        for (int i = r; i < gen.params.length; i += runs) {
            gen.params[i] = 0;
        }
        for (int i = r; i < disc.params.length; i += runs) {
            disc.params[i] = 0;
        }
        optG.freezeRun(r);
        optD.freezeRun(r);
    }
}
