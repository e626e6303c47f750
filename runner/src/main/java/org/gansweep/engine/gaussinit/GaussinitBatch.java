package org.gansweep.engine.gaussinit;

import java.util.List;
import org.gansweep.engine.Activation;
import org.gansweep.engine.BatchedNet;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.Broadcast;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.NativeMemoryGuard;
import org.gansweep.engine.NoisyCopies;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.ScaledNoise;
import org.gansweep.plan.PlannedRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * R runs of the generator (3 -> 5 tanh -> 5 tanh -> 2) trained as a GAN against N(MU, diag SIGMA^2) with an
 * MLP D (2 -> h tanh -> h tanh -> 1 sigmoid) that judges each sample; one D update (mean BCE over a real and
 * a fake minibatch) then one non-saturating G update per step, all runs as one ND4J program.
 */
final class GaussinitBatch implements GaussinitKernel {
    final GaussinitShape shape;
    final int runs;
    final int batch;
    final int noiseSamples;
    final BatchedNet gen;
    final BatchedNet disc;
    final double[][] mu;
    final double[][] sigma;
    final double[] lossD;
    final double[] lossG;
    private final BatchedOptimizer optG;
    private final BatchedOptimizer optD;
    private final RunStream[] streams;
    private final NativeMemoryGuard memory = new NativeMemoryGuard();
    private final HostUpload upload;
    private final DataType dataType;
    private final INDArray realTarget;
    private final INDArray realWeight;
    private final INDArray fakeWeight;
    /** The copies of G that D judges (G itself unless some run has weight_noise). */
    private final NoisyCopies copies;
    /** Where some run has instance_noise: the noise on D's inputs; else null. */
    private final ScaledNoise instanceNoise;
    /** Where some run has r1_gamma: gamma / (2 B) per run, [R, 1, 1]; else null. */
    private final INDArray r1Coefficient;

    GaussinitBatch(List<PlannedRun> plannedRuns, DataType dataType) {
        this.dataType = dataType;
        runs = plannedRuns.size();
        this.shape = GaussinitShape.of(plannedRuns.get(0).config());
        batch = this.shape.batch();
        noiseSamples = this.shape.noiseSamples();
        int hidden = this.shape.dHidden();
        gen = new BatchedNet(new int[] {GeneratorInit.IN, GeneratorInit.HIDDEN, GeneratorInit.HIDDEN, GeneratorInit.OUT},
                new Activation[] {Activation.TANH, Activation.TANH, Activation.LINEAR}, runs, dataType);
        disc = new BatchedNet(new int[] {GeneratorInit.OUT, hidden, hidden, 1},
                new Activation[] {Activation.TANH, Activation.TANH, Activation.SIGMOID}, runs, dataType);
        streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        upload = new HostUpload(dataType);
        RunColumns columns = new RunColumns(plannedRuns, dataType);
        mu = new double[][] {columns.values("mu0"), columns.values("mu1")};
        sigma = new double[][] {columns.values("sigma0"), columns.values("sigma1")};
        realTarget = perRun(columns.values("easing"), e -> 1 - e);
        realWeight = perRun(columns.values("real_weight"), w -> w / batch);
        fakeWeight = perRun(columns.values("fake_weight"), w -> w / batch / noiseSamples);
        copies = new NoisyCopies(gen, columns, streams, runs, dataType);
        instanceNoise = columns.any("instance_noise", v -> v > 0)
                ? new ScaledNoise(streams, columns.values("instance_noise"), dataType) : null;
        r1Coefficient = columns.any("r1_gamma", v -> v > 0) ? perRun(columns.values("r1_gamma"), g -> g / (2.0 * batch))
                : null;
        initialize(plannedRuns, columns.values("alpha"));
        BatchedOptimizer.Kind kind = shape.optimizer();
        optG = new BatchedOptimizer(kind, gen.parameterCount, BatchedOptimizer.RunRows.of(columns, "g"));
        optD = new BatchedOptimizer(kind, disc.parameterCount, BatchedOptimizer.RunRows.of(columns, "d"));
        lossD = new double[runs];
        lossG = new double[runs];
    }

    private INDArray perRun(double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] mapped = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            mapped[r] = f.applyAsDouble(values[r]);
        }
        return Nd4j.createFromArray(mapped).castTo(dataType).reshape(runs, 1, 1);
    }

    /** G by its scheme; D like PyTorch's nn.Linear default, U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    private void initialize(List<PlannedRun> plannedRuns, double[] alpha) {
        double[] g = new double[gen.parameterCount * runs];
        double[] d = new double[disc.parameterCount * runs];
        for (int r = 0; r < runs; r++) {
            GeneratorInit.of(plannedRuns.get(r).config().text(GaussinitSchema.INIT),
                    streams[r].block(0, GaussinitPurpose.INIT), alpha[r], new double[] {mu[0][r], mu[1][r]},
                    new double[] {sigma[0][r], sigma[1][r]})
                    .writeLane(g, r, runs, gen::weightRow, gen::biasRow, v -> v);
            disc.pytorchDefault(d, r, streams[r].block(0, GaussinitPurpose.INIT_D), 0);
        }
        upload.copy(g, gen.params);
        upload.copy(d, disc.params);
    }

    /** [R, 3, n] of N(0, 1) latent draws from each run's stream. */
    INDArray latent(long step, int purpose, int n) {
        double[] host = new double[runs * GeneratorInit.IN * n];
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(step, purpose);
            for (int k = 0; k < GeneratorInit.IN * n; k++) {
                host[r * GeneratorInit.IN * n + k] = RunStream.normal(block, k);
            }
        }
        INDArray out = Nd4j.zeros(dataType, runs, GeneratorInit.IN, n);
        upload.copy(host, out);
        return out;
    }

    /** [R, 2, B] of the step's real minibatch, N(MU, diag SIGMA^2) from each run's stream. */
    INDArray real(long step) {
        double[] host = new double[runs * GeneratorInit.OUT * batch];
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(step, GaussinitPurpose.REAL);
            for (int o = 0; o < GeneratorInit.OUT; o++) {
                for (int b = 0; b < batch; b++) {
                    host[(r * GeneratorInit.OUT + o) * batch + b] = mu[o][r]
                            + sigma[o][r] * RunStream.normal(block, (long) o * batch + b);
                }
            }
        }
        INDArray real = Nd4j.zeros(dataType, runs, GeneratorInit.OUT, batch);
        upload.copy(host, real);
        return real;
    }

    /**
     * What D judges at this step, {@code [R, 2, B (1 + K)]}: the real minibatch, then one fake minibatch from
     * each of the K = noise_samples copies of G (G's parameters plus weight_noise, fresh per copy; all copies
     * map the same latent draws), every sample plus instance_noise. Without those tricks: [real, G(z)].
     */
    INDArray discriminatorInput(long step) {
        INDArray latentD = latent(step, GaussinitPurpose.LATENT_D, batch);
        INDArray[] parts = new INDArray[1 + noiseSamples];
        parts[0] = real(step);
        for (int k = 0; k < noiseSamples; k++) {
            BatchedNet copy = copies.copy(step, GaussinitPurpose.WEIGHT_NOISE, k);
            parts[1 + k] = copy.forward(latentD).dup();
        }
        INDArray input = Nd4j.concat(2, parts);
        if (instanceNoise != null) {
            input.addi(instanceNoise.samples(step, GaussinitPurpose.INSTANCE_D, 0, GeneratorInit.OUT,
                    batch * (1 + noiseSamples)));
        }
        return input;
    }

    /** What D judges in G's update: G(z), plus instance_noise where a run has it. */
    INDArray generatorOutputSeenByD(INDArray fake, long step) {
        return instanceNoise == null ? fake
                : fake.add(instanceNoise.samples(step, GaussinitPurpose.INSTANCE_G, 0, GeneratorInit.OUT, batch));
    }

    @Override
    public GaussinitShape shape() {
        return shape;
    }

    @Override
    public void step(long step, boolean record) {
        step(step);
    }

    @Override
    public double[] generatorParameters() {
        return gen.params.data().asDouble();
    }

    @Override
    public double[] discriminatorParameters() {
        return disc.params.data().asDouble();
    }

    @Override
    public double[] lossD() {
        return lossD;
    }

    @Override
    public double[] lossG() {
        return lossG;
    }

    /**
     * One step (1-based): a D update (mean BCE of the real minibatch plus the mean over G's copies of each
     * fake minibatch's mean BCE, plus R1's r1_gamma / 2 * mean ||d logit / dx||^2 on the real samples as D
     * sees them), then a G update through the D just updated.
     */
    void step(long step) {
        INDArray input = discriminatorInput(step);
        INDArray p = disc.forward(input);
        INDArray pReal = p.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, batch));
        INDArray pFake = p.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(batch, batch * (1 + noiseSamples)));
        // Mean BCE through the output sigmoid: dL/dpre = weight (p - target) / B, a fake's also / K.
        INDArray gradReal = Broadcast.mul(Broadcast.sub(pReal, realTarget), realWeight);
        INDArray gradFake = Broadcast.mul(pFake, fakeWeight);
        disc.backward(Nd4j.concat(2, gradReal, gradFake));
        if (r1Coefficient != null) {
            disc.addR1Gradient(input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, batch)).dup(),
                    r1Coefficient);
        }
        optD.step(disc.params, disc.grad);
        double[] pr = pReal.dup().data().asDouble();
        double[] pf = pFake.dup().data().asDouble();
        for (int r = 0; r < runs; r++) {
            double loss = 0;
            for (int b = 0; b < batch; b++) {
                double fakeTerm = 0;
                for (int k = 0; k < noiseSamples; k++) {
                    fakeTerm += Math.log(1 - pf[(r * noiseSamples + k) * batch + b]);
                }
                loss -= Math.log(pr[r * batch + b]) + fakeTerm / noiseSamples;
            }
            lossD[r] = loss / batch;
        }

        INDArray fakeG = gen.forward(latent(step, GaussinitPurpose.LATENT_G, batch));
        INDArray q = disc.forward(generatorOutputSeenByD(fakeG, step));
        INDArray gradInput = disc.backward(q.sub(1.0).divi(batch));
        gen.backward(gradInput);
        optG.step(gen.params, gen.grad);
        memory.tick();
        double[] qh = q.dup().data().asDouble();
        for (int r = 0; r < runs; r++) {
            double loss = 0;
            for (int b = 0; b < batch; b++) {
                loss -= Math.log(qh[r * batch + b]);
            }
            lossG[r] = loss / batch;
        }
    }

    /** G's outputs on n fresh latent draws, host copy [R][2][n]. */
    @Override
    public double[][][] sample(long step, int n) {
        double[] host = gen.forward(latent(step, GaussinitPurpose.MEASURE, n)).dup().data().asDouble();
        double[][][] out = new double[runs][GeneratorInit.OUT][n];
        for (int r = 0; r < runs; r++) {
            for (int o = 0; o < GeneratorInit.OUT; o++) {
                System.arraycopy(host, (r * GeneratorInit.OUT + o) * n, out[r][o], 0, n);
            }
        }
        return out;
    }

    @Override
    public void freeze(int r) {
        gen.params.getColumn(r).assign(0.0);
        disc.params.getColumn(r).assign(0.0);
        optG.freezeRun(r);
        optD.freezeRun(r);
    }
}
