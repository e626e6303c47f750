package org.gansweep.engine.gaussinit;

import java.util.List;
import org.gansweep.engine.Activation;
import org.gansweep.engine.BatchedNet;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.NativeMemoryGuard;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * R runs of the generator (3 -> 5 tanh -> 5 tanh -> 2) trained as a GAN against N(MU, diag SIGMA^2) with an
 * MLP D (2 -> h tanh -> h tanh -> 1 sigmoid) that judges each sample; one D update (mean BCE over a real and
 * a fake minibatch) then one non-saturating G update per step, all runs as one ND4J program.
 */
final class GaussinitBatch {
    private static final int DRAW_INIT = 0;
    private static final int DRAW_REAL = 1;
    static final int DRAW_LATENT_D = 2;
    static final int DRAW_LATENT_G = 3;
    private static final int DRAW_MEASURE = 4;

    final int runs;
    final int batch;
    final long steps;
    final int logEvery;
    final int evalSamples;
    final int measureSamples;
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

    GaussinitBatch(List<PlannedRun> plannedRuns, DataType dataType) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        this.dataType = dataType;
        runs = plannedRuns.size();
        batch = (int) shape.integer(GaussinitSchema.BATCH_SIZE);
        steps = shape.integer(GaussinitSchema.STEPS);
        logEvery = (int) shape.integer(GaussinitSchema.LOG_EVERY);
        evalSamples = (int) shape.integer(GaussinitSchema.EVAL_SAMPLES);
        measureSamples = (int) shape.integer(GaussinitSchema.MEASURE_SAMPLES);
        int hidden = (int) shape.integer(GaussinitSchema.D_HIDDEN);
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
        fakeWeight = perRun(columns.values("fake_weight"), w -> w / batch);
        initialize(plannedRuns, columns.values("alpha"));
        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(shape.text(GaussinitSchema.OPTIMIZER));
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
            long block = streams[r].block(0, DRAW_INIT);
            double[] m = {mu[0][r], mu[1][r]};
            GeneratorInit.Weights w = plannedRuns.get(r).config().text(GaussinitSchema.INIT).equals("gaussian")
                    ? GeneratorInit.gaussian(block, alpha[r], m, new double[] {sigma[0][r], sigma[1][r]})
                    : GeneratorInit.xavier(block, m);
            double[][][] layers = {w.w1(), w.w2(), w.w3()};
            for (int l = 0; l < 3; l++) {
                for (int o = 0; o < layers[l].length; o++) {
                    for (int i = 0; i < layers[l][o].length; i++) {
                        g[gen.weightRow(l, o, i) * runs + r] = layers[l][o][i];
                    }
                }
            }
            for (int o = 0; o < GeneratorInit.OUT; o++) {
                g[gen.biasRow(2, o) * runs + r] = w.b3()[o];
            }
            disc.pytorchDefault(d, r, streams[r].block(0, DRAW_INIT + 100), 0);
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
            long block = streams[r].block(step, DRAW_REAL);
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

    /** One step (1-based): a D update on real and fake minibatches, then a G update. */
    void step(long step) {
        INDArray real = real(step);
        INDArray fake = gen.forward(latent(step, DRAW_LATENT_D, batch)).dup();
        INDArray p = disc.forward(Nd4j.concat(2, real, fake));
        INDArray pReal = p.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, batch));
        INDArray pFake = p.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(batch, 2 * batch));
        // Mean BCE through the output sigmoid: dL/dpre = weight (p - target) / B.
        INDArray gradReal = org.gansweep.engine.Broadcast.mul(org.gansweep.engine.Broadcast.sub(pReal, realTarget),
                realWeight);
        INDArray gradFake = org.gansweep.engine.Broadcast.mul(pFake, fakeWeight);
        disc.backward(Nd4j.concat(2, gradReal, gradFake));
        optD.step(disc.params, disc.grad);
        double[] pr = pReal.dup().data().asDouble();
        double[] pf = pFake.dup().data().asDouble();
        for (int r = 0; r < runs; r++) {
            double loss = 0;
            for (int b = 0; b < batch; b++) {
                loss -= Math.log(pr[r * batch + b]) + Math.log(1 - pf[r * batch + b]);
            }
            lossD[r] = loss / batch;
        }

        INDArray fakeG = gen.forward(latent(step, DRAW_LATENT_G, batch));
        INDArray q = disc.forward(fakeG);
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
    double[][][] sample(long step, int n) {
        double[] host = gen.forward(latent(step, DRAW_MEASURE, n)).dup().data().asDouble();
        double[][][] out = new double[runs][GeneratorInit.OUT][n];
        for (int r = 0; r < runs; r++) {
            for (int o = 0; o < GeneratorInit.OUT; o++) {
                System.arraycopy(host, (r * GeneratorInit.OUT + o) * n, out[r][o], 0, n);
            }
        }
        return out;
    }

    void freeze(int r) {
        gen.params.getColumn(r).assign(0.0);
        disc.params.getColumn(r).assign(0.0);
        optG.freezeRun(r);
        optD.freezeRun(r);
    }
}
