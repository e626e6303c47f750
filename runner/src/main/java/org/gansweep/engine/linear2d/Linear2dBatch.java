package org.gansweep.engine.linear2d;

import java.util.List;
import org.gansweep.engine.Activation;
import org.gansweep.engine.BatchedNet;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.ScaledNoise;
import org.gansweep.engine.TensorOps;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * R d2l GANs trained as one ND4J program. G(z) = z W^T + c lives in a {@code [6, R]} matrix (W in PyTorch's
 * [out, in] order, then c), D's 37 parameters in {@code [37, R]}. Each step is d2l's: one D update on a real
 * minibatch and G(z), then one G update on the same z against the updated D. Every random number comes
 * from the run's own {@link RunStream}, so column r evolves exactly as run r would alone.
 */
final class Linear2dBatch implements Linear2dTraining {
    static final int G_PARAMETERS = 6;
    static final int C0 = 4;
    /** The purposes of a run's RunStream blocks; the fused kernel draws the same numbers. */
    static final int DRAW_INIT = 0;
    static final int DRAW_LATENT = 1;
    static final int DRAW_D_INSTANCE = 2;
    static final int DRAW_G_INSTANCE = 3;
    static final int DRAW_WEIGHT_NOISE = 4;
    /** Row p of the BatchedNet layout of D is row R1_ORDER[p] of this one (W1 transposed, the rest equal). */
    private static final int[] R1_ORDER = new int[Linear2dDiscriminator.PARAMETERS];
    private static final int[] R1_ORDER_INVERSE = new int[Linear2dDiscriminator.PARAMETERS];

    static {
        for (int p = 0; p < R1_ORDER.length; p++) {
            R1_ORDER[p] = p;
        }
        for (int unit = 0; unit < Linear2dDiscriminator.HIDDEN1; unit++) {
            for (int in = 0; in < Linear2dDiscriminator.IN; in++) {
                R1_ORDER[unit * Linear2dDiscriminator.IN + in] = in * Linear2dDiscriminator.HIDDEN1 + unit;
            }
        }
        for (int p = 0; p < R1_ORDER.length; p++) {
            R1_ORDER_INVERSE[R1_ORDER[p]] = p;
        }
    }

    final int runs;
    final int batch;
    final int stepsPerEpoch;
    final long steps;
    final int logEvery;
    /** K: the copies of G whose fake minibatches D judges in each update (noise_samples). */
    final int noiseSamples;
    final Linear2dData data;
    final INDArray gen;
    final INDArray disc;
    final Linear2dDiscriminator dPass;
    final Linear2dDiscriminator gPass;
    final INDArray target;
    final INDArray weight;
    final INDArray[] latent = new INDArray[2];
    final BatchedOptimizer optG;
    final BatchedOptimizer optD;
    private final RunStream[] streams;
    private final HostUpload upload;
    private final boolean anyInstanceNoise;
    private final double[] instanceNoiseHost;
    private final INDArray instanceNoiseRow;
    private final INDArray[] genRows;
    private final INDArray[] genGradRows;
    private final INDArray genGrad;
    private final INDArray discGrad;
    private final INDArray[] discGradBlocks;
    private final INDArray[] real = new INDArray[2];
    private final INDArray[] realRows = new INDArray[2];
    /** fakeRows[k][o]: coordinate o of copy k's fake minibatch, a view of D's pass input. */
    private final INDArray[][] fakeRows;
    /** Where some run has weight_noise: G's parameters plus noise for one copy, and its row views; else null. */
    private final ScaledNoise weightNoise;
    private final INDArray perturbed;
    private final INDArray[] perturbedRows;
    /** Where some run has r1_gamma: D as a BatchedNet (for R1's second-order gradient) and gamma / 4; else null. */
    private final BatchedNet r1Net;
    private final INDArray r1Coefficient;
    private final INDArray[] gradInput = new INDArray[2];
    private final INDArray gradLogitD;
    private final INDArray gradLogitG;
    private final INDArray noiseD;
    private final INDArray noiseG;
    private final INDArray scratch;
    private final double[][] realHost;

    Linear2dBatch(List<PlannedRun> plannedRuns, DataType dataType) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        runs = plannedRuns.size();
        batch = (int) shape.integer(Linear2dSchema.BATCH_SIZE);
        int points = (int) shape.integer(Linear2dSchema.DATA_POINTS);
        stepsPerEpoch = points / batch;
        steps = shape.integer(Linear2dSchema.EPOCHS) * stepsPerEpoch;
        logEvery = (int) shape.integer(Linear2dSchema.LOG_EVERY);
        noiseSamples = (int) shape.integer(Linear2dSchema.NOISE_SAMPLES);
        streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        data = new Linear2dData(streams, points);
        RunColumns columns = new RunColumns(plannedRuns, dataType);
        upload = new HostUpload(dataType);
        instanceNoiseHost = columns.values("instance_noise");
        anyInstanceNoise = columns.any("instance_noise", v -> v > 0);
        instanceNoiseRow = columns.row("instance_noise");

        gen = Nd4j.zeros(dataType, G_PARAMETERS, runs);
        genGrad = Nd4j.zeros(dataType, G_PARAMETERS, runs);
        disc = Nd4j.zeros(dataType, Linear2dDiscriminator.PARAMETERS, runs);
        discGrad = Nd4j.zeros(dataType, Linear2dDiscriminator.PARAMETERS, runs);
        initialize(columns.values("init_std"));
        genRows = rows(gen);
        genGradRows = rows(genGrad);
        discGradBlocks = Linear2dDiscriminator.gradientBlocks(discGrad);
        long judged = (1L + noiseSamples) * batch;
        dPass = new Linear2dDiscriminator(disc, judged, dataType);
        gPass = new Linear2dDiscriminator(disc, batch, dataType);
        target = Nd4j.zeros(dataType, judged, runs);
        weight = Nd4j.zeros(dataType, judged, runs);
        Linear2dLoss.fillTargetsAndWeights(columns, batch, noiseSamples, target, weight);
        fakeRows = new INDArray[noiseSamples][2];
        boolean anyWeightNoise = columns.any("weight_noise", v -> v > 0);
        weightNoise = anyWeightNoise ? new ScaledNoise(streams, columns.values("weight_noise"), dataType) : null;
        perturbed = anyWeightNoise ? Nd4j.zeros(dataType, G_PARAMETERS, runs) : null;
        perturbedRows = anyWeightNoise ? rows(perturbed) : null;
        boolean anyR1 = columns.any("r1_gamma", v -> v > 0);
        r1Net = anyR1 ? new BatchedNet(new int[] {Linear2dDiscriminator.IN, Linear2dDiscriminator.HIDDEN1,
                Linear2dDiscriminator.HIDDEN2, 1}, new Activation[] {Activation.TANH, Activation.TANH, Activation.LINEAR},
                runs, dataType) : null;
        r1Coefficient = anyR1 ? columns.row(columns.values("r1_gamma")).divi(4.0).reshape(runs, 1, 1) : null;
        for (int i = 0; i < 2; i++) {
            latent[i] = Nd4j.zeros(dataType, batch, runs);
            real[i] = Nd4j.zeros(dataType, batch, runs);
            gradInput[i] = Nd4j.zeros(dataType, batch, runs);
            realRows[i] = dPass.input[i].get(NDArrayIndex.interval(0, batch), NDArrayIndex.all());
            for (int k = 0; k < noiseSamples; k++) {
                fakeRows[k][i] = dPass.input[i].get(NDArrayIndex.interval((1 + k) * batch, (2 + k) * batch),
                        NDArrayIndex.all());
            }
        }
        gradLogitD = Nd4j.zeros(dataType, judged, runs);
        gradLogitG = Nd4j.zeros(dataType, batch, runs);
        noiseD = anyInstanceNoise ? Nd4j.zeros(dataType, judged, runs) : null;
        noiseG = anyInstanceNoise ? Nd4j.zeros(dataType, batch, runs) : null;
        scratch = Nd4j.zeros(dataType, batch, runs);
        realHost = new double[2][batch * runs];

        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(shape.text(Linear2dSchema.OPTIMIZER));
        optG = new BatchedOptimizer(kind, G_PARAMETERS, BatchedOptimizer.RunRows.of(columns, "g"));
        optD = new BatchedOptimizer(kind, Linear2dDiscriminator.PARAMETERS, BatchedOptimizer.RunRows.of(columns, "d"));
    }

    /** Row views of a parameter-shaped matrix, made once: ND4J views cost a native call each. */
    private static INDArray[] rows(INDArray matrix) {
        INDArray[] rows = new INDArray[(int) matrix.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = matrix.getRow(i);
        }
        return rows;
    }

    /** d2l: nn.init.normal_(w, 0, 0.02) on every parameter of both nets, biases included. */
    private void initialize(double[] std) {
        double[] g = new double[G_PARAMETERS * runs];
        double[] d = new double[Linear2dDiscriminator.PARAMETERS * runs];
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(0, DRAW_INIT);
            for (int p = 0; p < G_PARAMETERS; p++) {
                g[p * runs + r] = std[r] * RunStream.normal(block, p);
            }
            for (int p = 0; p < Linear2dDiscriminator.PARAMETERS; p++) {
                d[p * runs + r] = std[r] * RunStream.normal(block, G_PARAMETERS + p);
            }
        }
        upload.copy(g, gen);
        upload.copy(d, disc);
    }

    /** Training step number step (1-based): one D update, then one G update on the same latent draw. */
    @Override
    public void step(long step) {
        int index = (int) ((step - 1) % stepsPerEpoch);
        if (index == 0) {
            data.shuffle((step - 1) / stepsPerEpoch);
        }
        drawLatent(step);
        data.batch(index, batch, realHost);
        updateDiscriminator(step);
        updateGenerator(step);
    }

    private void drawLatent(long step) {
        double[][] z = new double[2][batch * runs];
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(step, DRAW_LATENT);
            for (int b = 0; b < batch; b++) {
                z[0][b * runs + r] = RunStream.normal(block, 2L * b);
                z[1][b * runs + r] = RunStream.normal(block, 2L * b + 1);
            }
        }
        upload.copy(z[0], latent[0]);
        upload.copy(z[1], latent[1]);
    }

    /** fake_o = W[o, 0] z_0 + W[o, 1] z_1 + c_o with G's parameters given as row views, written into out[o]. */
    private void generate(INDArray[] g, INDArray[] out) {
        for (int o = 0; o < 2; o++) {
            TensorOps.mulRow(latent[0], g[2 * o], out[o]);
            TensorOps.mulRow(latent[1], g[2 * o + 1], scratch);
            out[o].addi(scratch);
            TensorOps.addRow(out[o], g[C0 + o], out[o]);
        }
    }

    /**
     * D's fake rows: one minibatch per copy of G, all from the step's latent draw; copy k's W and c carry
     * fresh N(0, weight_noise^2) noise where a run has it (draws k * 6 .. k * 6 + 5).
     */
    private void generateCopies(long step) {
        for (int k = 0; k < noiseSamples; k++) {
            if (weightNoise == null) {
                generate(genRows, fakeRows[k]);
            } else {
                perturbed.assign(gen).addi(weightNoise.parameters(step, DRAW_WEIGHT_NOISE, (long) k * G_PARAMETERS,
                        G_PARAMETERS));
                generate(perturbedRows, fakeRows[k]);
            }
        }
    }

    void updateDiscriminator(long step) {
        for (int i = 0; i < 2; i++) {
            upload.copy(realHost[i], real[i]);
            realRows[i].assign(real[i]);
        }
        generateCopies(step);
        if (anyInstanceNoise) {
            addInstanceNoise(dPass.input, noiseD, step, DRAW_D_INSTANCE);
        }
        dPass.forward();
        TensorOps.sigmoid(dPass.logit, gradLogitD);
        gradLogitD.subi(target).muli(weight);
        dPass.backward(gradLogitD);
        dPass.parameterGradients(gradLogitD, discGradBlocks);
        if (r1Net != null) {
            addR1Gradient();
        }
        optD.step(disc, discGrad);
    }

    /**
     * R1 on the real rows as D sees them, with the reduction of D's BCE terms (a sum over the batch, halved):
     * gamma / 4 * sum of ||d logit / dx||^2. D's 37 parameters are copied into a BatchedNet, whose layout
     * differs only in W1's order ([in][unit] here, [unit][in] there), which computes the second-order term.
     */
    private void addR1Gradient() {
        r1Net.params.assign(Nd4j.pullRows(disc, 1, R1_ORDER));
        INDArray x = Nd4j.concat(0, realRows[0].reshape(1, batch, runs), realRows[1].reshape(1, batch, runs))
                .permute(2, 0, 1).dup('c');
        r1Net.grad.assign(0.0);
        r1Net.addR1Gradient(x, r1Coefficient);
        discGrad.addi(Nd4j.pullRows(r1Net.grad, 1, R1_ORDER_INVERSE));
    }

    /** Non-saturating: sum of BCE(D(G(z)), 1); d/dlogit = sigmoid(s) - 1. Only G's parameters move. */
    void updateGenerator(long step) {
        generate(genRows, gPass.input);
        if (anyInstanceNoise) {
            addInstanceNoise(gPass.input, noiseG, step, DRAW_G_INSTANCE);
        }
        gPass.forward();
        TensorOps.sigmoid(gPass.logit, gradLogitG);
        gradLogitG.subi(1.0);
        gPass.backward(gradLogitG);
        gPass.inputGradient(gradInput);
        for (int o = 0; o < 2; o++) {
            TensorOps.sumRows(gradInput[o], genGradRows[C0 + o]);
            for (int i = 0; i < 2; i++) {
                TensorOps.mul(gradInput[o], latent[i], scratch);
                TensorOps.sumRows(scratch, genGradRows[2 * o + i]);
            }
        }
        optG.step(gen, genGrad);
    }

    /** Adds sigma * N(0, 1) to both coordinates of every row D sees (two draws per row). */
    private void addInstanceNoise(INDArray[] input, INDArray scaled, long step, int purpose) {
        int rows = (int) input[0].rows();
        double[][] noise = new double[2][rows * runs];
        for (int r = 0; r < runs; r++) {
            if (instanceNoiseHost[r] > 0) {
                long block = streams[r].block(step, purpose);
                for (int i = 0; i < rows; i++) {
                    noise[0][i * runs + r] = RunStream.normal(block, 2L * i);
                    noise[1][i * runs + r] = RunStream.normal(block, 2L * i + 1);
                }
            }
        }
        for (int c = 0; c < 2; c++) {
            upload.copy(noise[c], scaled);
            TensorOps.mulRow(scaled, instanceNoiseRow, scaled);
            input[c].addi(scaled);
        }
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

    /** Parameters reach the host once per step: the tracker checks every run after every step. */
    @Override
    public double[] generator() {
        return gen.data().asDouble();
    }

    @Override
    public double[] discriminator() {
        return disc.data().asDouble();
    }

    @Override
    public double[] discriminatorLoss() {
        return Linear2dLoss.discriminatorLoss(dPass.logit, target, weight, batch);
    }

    @Override
    public double[] generatorLoss() {
        return Linear2dLoss.generatorLoss(gPass.logit, batch);
    }

    /** Stops a diverged run: zero parameters and optimizer state, zero learning rates. */
    @Override
    public void freeze(int r) {
        gen.getColumn(r).assign(0.0);
        disc.getColumn(r).assign(0.0);
        optG.freezeRun(r);
        optD.freezeRun(r);
    }
}
