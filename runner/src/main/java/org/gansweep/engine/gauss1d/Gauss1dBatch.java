package org.gansweep.engine.gauss1d;

import java.util.List;
import org.gansweep.engine.BatchedNet;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.NativeMemoryGuard;
import org.gansweep.engine.NoisyCopies;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.ScaledNoise;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * R of Dev Nag's GANs trained as one ND4J program. An epoch is the source's loop: d_steps D updates (real
 * minibatch ~ N(data_mean, data_std^2) labelled real, G(noise) labelled fake, the two BCE gradients summed
 * before one optimizer step), then g_steps G updates (G(noise) through D, labelled real). Noise is U[0, 1),
 * one scalar per sample. Every draw comes from the run's own {@link RunStream}, indexed by the update.
 */
final class Gauss1dBatch implements Gauss1dKernel {
    static final int DRAW_INIT = 0;
    static final int DRAW_REAL = 1;
    static final int DRAW_NOISE_D = 2;
    static final int DRAW_NOISE_G = 3;
    static final int DRAW_EVAL = 4;
    static final int DRAW_WEIGHT_NOISE = 5;
    static final int DRAW_INSTANCE_D = 6;
    static final int DRAW_INSTANCE_G = 7;

    final int runs;
    final int minibatch;
    final long epochs;
    final int dSteps;
    final int gSteps;
    final int logEvery;
    final int evalSamples;
    final int noiseSamples;
    final BatchedNet gen;
    final BatchedNet disc;
    private final Features features;
    private final BatchedOptimizer optG;
    private final BatchedOptimizer optD;
    private final RunStream[] streams;
    private final NativeMemoryGuard memory = new NativeMemoryGuard();
    private final HostUpload upload;
    private final DataType dataType;
    private final double[] dataMean;
    private final double[] dataStd;
    /** Per run: D's real target (1 - easing), and the weights of the real and fake terms. */
    private final INDArray realTarget;
    private final INDArray realWeight;
    private final INDArray fakeWeight;
    /** The copies of G that D judges (G itself unless some run has weight_noise). */
    private final NoisyCopies copies;
    /** Where some run has instance_noise: the noise on every sample D sees; else null. */
    private final ScaledNoise instanceNoise;
    /** Where some run has r1_gamma: gamma / 2 per run, [R, 1, 1] (one real input per update); else null. */
    private final INDArray r1Coefficient;
    /** Host copies of the last losses and D's outputs, for the trajectory. */
    final double[] lossD;
    final double[] lossG;
    final double[] dReal;
    final double[] dFake;

    Gauss1dBatch(List<PlannedRun> plannedRuns, DataType dataType) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        this.dataType = dataType;
        runs = plannedRuns.size();
        minibatch = (int) shape.integer(Gauss1dSchema.MINIBATCH);
        epochs = shape.integer(Gauss1dSchema.EPOCHS);
        dSteps = (int) shape.integer(Gauss1dSchema.D_STEPS);
        gSteps = (int) shape.integer(Gauss1dSchema.G_STEPS);
        logEvery = (int) shape.integer(Gauss1dSchema.LOG_EVERY);
        evalSamples = (int) shape.integer(Gauss1dSchema.EVAL_SAMPLES);
        noiseSamples = (int) shape.integer(Gauss1dSchema.NOISE_SAMPLES);
        String variant = shape.text(Gauss1dSchema.VARIANT);
        features = Features.of(variant);
        gen = Gauss1dNets.generator(variant, runs, dataType);
        disc = Gauss1dNets.discriminator(variant, features.size(minibatch), runs, dataType);
        streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        upload = new HostUpload(dataType);
        RunColumns columns = new RunColumns(plannedRuns, dataType);
        dataMean = columns.values("data_mean");
        dataStd = columns.values("data_std");
        realTarget = column(columns.values("easing"), e -> 1 - e);
        realWeight = column(columns.values("real_weight"), w -> w);
        fakeWeight = column(columns.values("fake_weight"), w -> w / noiseSamples);
        copies = new NoisyCopies(gen, columns, streams, runs, dataType);
        instanceNoise = columns.any("instance_noise", v -> v > 0)
                ? new ScaledNoise(streams, columns.values("instance_noise"), dataType) : null;
        r1Coefficient = columns.any("r1_gamma", v -> v > 0) ? column(columns.values("r1_gamma"), g -> g / 2) : null;
        initialize(gen, 0);
        initialize(disc, gen.parameterCount);
        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(shape.text(Gauss1dSchema.OPTIMIZER));
        optG = new BatchedOptimizer(kind, gen.parameterCount, BatchedOptimizer.RunRows.of(columns, "g"));
        optD = new BatchedOptimizer(kind, disc.parameterCount, BatchedOptimizer.RunRows.of(columns, "d"));
        lossD = new double[runs];
        lossG = new double[runs];
        dReal = new double[runs];
        dFake = new double[runs];
    }

    /** A per-run [R, 1, 1] array, for broadcasting against [R, 1, 2] outputs. */
    private INDArray column(double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] mapped = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            mapped[r] = f.applyAsDouble(values[r]);
        }
        return Nd4j.createFromArray(mapped).castTo(dataType).reshape(runs, 1, 1);
    }

    /** PyTorch's nn.Linear default: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    private void initialize(BatchedNet net, int drawOffset) {
        double[] host = new double[net.parameterCount * runs];
        for (int r = 0; r < runs; r++) {
            net.pytorchDefault(host, r, streams[r].block(0, DRAW_INIT), drawOffset);
        }
        upload.copy(host, net.params);
    }

    @Override
    public void epoch(long epoch) {
        long update = (epoch - 1) * (dSteps + gSteps);
        for (int k = 0; k < dSteps; k++) {
            updateDiscriminator(++update);
            memory.tick();
        }
        for (int k = 0; k < gSteps; k++) {
            updateGenerator(++update);
            memory.tick();
        }
    }

    /** [R, 1, n] of U[0, 1) from each run's stream for this update and purpose. */
    INDArray noise(long update, int purpose, int n) {
        double[] host = new double[runs * n];
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(update, purpose);
            for (int i = 0; i < n; i++) {
                host[r * n + i] = RunStream.uniform(block, i);
            }
        }
        INDArray out = Nd4j.zeros(dataType, runs, 1, n);
        upload.copy(host, out);
        return out;
    }

    /** D's inputs at this update, {@code [R, F, 1 + K]}: the real minibatch's features, then each copy's. */
    INDArray discriminatorInput(long update) {
        double[] host = new double[runs * minibatch];
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(update, DRAW_REAL);
            for (int i = 0; i < minibatch; i++) {
                host[r * minibatch + i] = dataMean[r] + dataStd[r] * RunStream.normal(block, i);
            }
        }
        INDArray real = Nd4j.zeros(dataType, runs, 1, minibatch);
        upload.copy(host, real);
        if (instanceNoise != null) {
            real.addi(instanceNoise.samples(update, DRAW_INSTANCE_D, 0, 1, minibatch));
        }
        INDArray noiseD = noise(update, DRAW_NOISE_D, minibatch);
        INDArray[] judged = new INDArray[1 + noiseSamples];
        judged[0] = features.forward(real);
        for (int k = 0; k < noiseSamples; k++) {
            BatchedNet copy = copies.copy(update, DRAW_WEIGHT_NOISE, k);
            INDArray fake = copy.forward(noiseD).dup();
            if (instanceNoise != null) {
                fake.addi(instanceNoise.samples(update, DRAW_INSTANCE_D, (long) (k + 1) * minibatch, 1, minibatch));
            }
            judged[1 + k] = features.forward(fake);
        }
        return Nd4j.concat(2, judged);
    }

    /**
     * One D update. D judges 1 + K minibatches, each as one input: the real one, then one from each of the
     * K = noise_samples copies of G (G's parameters plus weight_noise, fresh per copy; all copies map the same
     * noise), every sample plus instance_noise. The real BCE and the mean of the K fake BCEs are summed, plus
     * R1's r1_gamma / 2 * ||d logit / d features||^2 at the real minibatch's features.
     */
    void updateDiscriminator(long update) {
        INDArray input = discriminatorInput(update);
        INDArray p = disc.forward(input);
        // BCE through the output sigmoid: dL/dpre = weight (p - target); column 0 real, columns 1..K fake.
        INDArray pReal = p.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 1));
        INDArray pFake = p.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + noiseSamples));
        INDArray gradPre = Nd4j.concat(2, pReal.sub(realTarget).muli(realWeight), pFake.mul(fakeWeight));
        disc.backward(gradPre);
        if (r1Coefficient != null) {
            disc.addR1Gradient(input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).dup(),
                    r1Coefficient);
        }
        optD.step(disc.params, disc.grad);
        double[] real01 = pReal.dup().data().asDouble();
        double[] fake01 = pFake.dup().data().asDouble();
        for (int r = 0; r < runs; r++) {
            double fakeD = 0;
            double fakeLog = 0;
            for (int k = 0; k < noiseSamples; k++) {
                fakeD += fake01[r * noiseSamples + k];
                fakeLog += Math.log(1 - fake01[r * noiseSamples + k]);
            }
            dReal[r] = real01[r];
            dFake[r] = fakeD / noiseSamples;
            lossD[r] = -Math.log(real01[r]) - fakeLog / noiseSamples;
        }
    }

    /** What D judges in G's update: G's minibatch, plus instance_noise where a run has it. */
    INDArray generatorOutputSeenByD(INDArray fake, long update) {
        return instanceNoise == null ? fake
                : fake.add(instanceNoise.samples(update, DRAW_INSTANCE_G, 0, 1, minibatch));
    }

    /** One G update: G(noise) as D sees it, through features and D, labelled real. */
    void updateGenerator(long update) {
        INDArray fake = gen.forward(noise(update, DRAW_NOISE_G, minibatch));
        INDArray p = disc.forward(features.forward(generatorOutputSeenByD(fake, update)));
        INDArray gradFeatures = disc.backward(p.sub(1.0));
        gen.backward(features.backward(gradFeatures));
        optG.step(gen.params, gen.grad);
        double[] p01 = p.dup().data().asDouble();
        for (int r = 0; r < runs; r++) {
            lossG[r] = -Math.log(p01[r]);
        }
    }

    @Override
    public double[] measure(long epoch) {
        return gen.forward(noise(epoch, DRAW_EVAL, evalSamples)).dup().data().asDouble();
    }

    @Override
    public void freeze(int r) {
        gen.params.getColumn(r).assign(0.0);
        disc.params.getColumn(r).assign(0.0);
        optG.freezeRun(r);
        optD.freezeRun(r);
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

    @Override
    public double[] dReal() {
        return dReal;
    }

    @Override
    public double[] dFake() {
        return dFake;
    }
}
