package org.gansweep.engine.point;

import java.util.List;
import org.gansweep.engine.BatchedOptimizer;
import org.gansweep.engine.DrawChunks;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.TensorOps;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * R single-point GANs trained as one ND4J program. G(x) = w x + b lives in a {@code [2, R]} matrix, D's
 * seven parameters in {@code [7, R]}; every per-run hyperparameter is a length-R row. Random inputs come
 * from each run's own {@link RunStream}, so column r evolves exactly as run r would alone.
 */
final class PointBatch {
    static final int W = 0;
    static final int B = 1;

    /** Draw chunks hold at most this many values (64 MB in float): memory, not speed, bounds them. */
    private static final long DRAW_CHUNK_ELEMENTS = 16L << 20;
    final int runs;
    final int batch;
    final int copies;
    final int fakeRows;
    final PointShape shape;
    private final RunStream[] streams;
    private final double[] weightNoiseHost;
    private final double[] instanceNoiseHost;
    private final boolean anyWeightNoise;
    private final boolean anyInstanceNoise;
    final INDArray gen;
    private final INDArray genGrad;
    final INDArray disc;
    private final INDArray discGrad;
    final PointDiscriminator dPass;
    final PointDiscriminator gPass;
    final PointDiscriminator probe;
    final INDArray target;
    final INDArray weight;
    private final INDArray gradLogitD;
    private final INDArray fakeInput;
    /**
     * The perturbed w rows, then as many perturbed b rows: one per copy, or (weight_noise_mode per_sample)
     * one per fake row.
     */
    private final INDArray noisyParams;
    private final INDArray noisyW;
    private final INDArray noisyB;
    final INDArray genInput;
    private final INDArray gradLogitG;
    /** Per run: B when G's loss is averaged over the batch, 1 when summed. */
    private final INDArray generatorDivisor;
    /** Per run: whether its losses are summed over the batch (loss_reduction sum). */
    final boolean[] summed;
    private final INDArray gradInputG;
    private final INDArray instanceNoiseRow;
    private final INDArray weightNoiseRow;
    final BatchedOptimizer optG;
    final BatchedOptimizer optD;
    private final HostUpload upload;
    private final DrawChunks dUniforms;
    private final DrawChunks dWeightNoise;
    private final DrawChunks dInstanceNoise;
    private final DrawChunks gUniforms;
    private final DrawChunks gInstanceNoise;
    private final INDArray w;
    private final INDArray b;
    private final INDArray gradW;
    private final INDArray gradB;
    private final INDArray[] discGradRows;
    /** Per copy k: the fake input rows, D's input rows, and the perturbed w_k and b_k rows. */
    private final INDArray[] fakeInputRows;
    private final INDArray[] dInputRows;
    private final INDArray[] noisyWRows;
    private final INDArray[] noisyBRows;
    private final INDArray realInputRows;
    private final INDArray fakeDInput;
    private final INDArray instanceD;
    private final INDArray instanceG;

    PointBatch(List<PlannedRun> plannedRuns, DataType dataType) {
        ResolvedConfig first = plannedRuns.get(0).config();
        shape = PointShape.of(first);
        runs = plannedRuns.size();
        batch = shape.batch();
        copies = shape.copies();
        fakeRows = shape.fakeRows();
        streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
        RunColumns columns = new RunColumns(plannedRuns, dataType);
        weightNoiseHost = columns.values("weight_noise");
        instanceNoiseHost = columns.values("instance_noise");
        anyWeightNoise = columns.any("weight_noise", v -> v > 0);
        anyInstanceNoise = columns.any("instance_noise", v -> v > 0);
        upload = new HostUpload(dataType);
        summed = PointLoss.summed(plannedRuns);

        gen = Nd4j.zeros(dataType, 2, runs);
        genGrad = Nd4j.zeros(dataType, 2, runs);
        disc = Nd4j.zeros(dataType, PointDiscriminator.PARAMETERS, runs);
        discGrad = Nd4j.zeros(dataType, PointDiscriminator.PARAMETERS, runs);
        initialize();

        long dRows = fakeRows + batch;
        dPass = new PointDiscriminator(disc, dRows, dataType);
        gPass = new PointDiscriminator(disc, batch, dataType);
        probe = new PointDiscriminator(disc, 1, dataType);
        probe.input.assign(1.0);
        target = Nd4j.zeros(dataType, dRows, runs);
        weight = Nd4j.zeros(dataType, dRows, runs);
        PointLoss.fillTargetsAndWeights(columns, summed, copies, batch, target, weight);
        gradLogitD = Nd4j.zeros(dataType, dRows, runs);
        fakeInput = Nd4j.zeros(dataType, fakeRows, runs);
        dPass.input.get(NDArrayIndex.interval(fakeRows, dRows), NDArrayIndex.all()).assign(1.0);
        int perturbations = shape.weightNoiseDraws() / 2;
        noisyParams = Nd4j.zeros(dataType, 2L * perturbations, runs);
        noisyW = noisyParams.get(NDArrayIndex.interval(0, perturbations), NDArrayIndex.all());
        noisyB = noisyParams.get(NDArrayIndex.interval(perturbations, 2 * perturbations), NDArrayIndex.all());
        genInput = Nd4j.zeros(dataType, batch, runs);
        gradLogitG = Nd4j.zeros(dataType, batch, runs);
        double[] divisor = new double[runs];
        for (int r = 0; r < runs; r++) {
            divisor[r] = summed[r] ? 1 : batch;
        }
        generatorDivisor = columns.row(divisor);
        gradInputG = Nd4j.zeros(dataType, batch, runs);
        instanceNoiseRow = columns.row("instance_noise");
        w = gen.getRow(W);
        b = gen.getRow(B);
        gradW = genGrad.getRow(W);
        gradB = genGrad.getRow(B);
        discGradRows = PointDiscriminator.rows(discGrad);
        fakeInputRows = new INDArray[copies];
        dInputRows = new INDArray[copies];
        noisyWRows = new INDArray[copies];
        noisyBRows = new INDArray[copies];
        for (int k = 0; k < copies; k++) {
            fakeInputRows[k] = fakeInput.get(NDArrayIndex.interval(k * batch, (k + 1) * batch), NDArrayIndex.all());
            dInputRows[k] = dPass.input.get(NDArrayIndex.interval(k * batch, (k + 1) * batch), NDArrayIndex.all());
            noisyWRows[k] = shape.noisePerSample() ? null : noisyW.getRow(k);
            noisyBRows[k] = shape.noisePerSample() ? null : noisyB.getRow(k);
        }
        fakeDInput = dPass.input.get(NDArrayIndex.interval(0, fakeRows), NDArrayIndex.all());
        realInputRows = dPass.input.get(NDArrayIndex.interval(fakeRows, dRows), NDArrayIndex.all());
        instanceD = anyInstanceNoise ? Nd4j.zeros(dataType, dRows, runs) : null;
        instanceG = anyInstanceNoise ? Nd4j.zeros(dataType, batch, runs) : null;
        dUniforms = chunks(fakeRows, dataType, (u, block, at) -> uniforms(u, PointDraws.D_INPUT, fakeRows, block, at));
        int noiseDraws = shape.weightNoiseDraws();
        dWeightNoise = anyWeightNoise ? chunks(noiseDraws, dataType,
                (u, block, at) -> normals(u, PointDraws.WEIGHT_NOISE, noiseDraws, weightNoiseHost, block, at)) : null;
        dInstanceNoise = anyInstanceNoise ? chunks((int) dRows, dataType,
                (u, block, at) -> normals(u, PointDraws.D_INSTANCE, (int) dRows, instanceNoiseHost, block, at)) : null;
        gUniforms = chunks(batch, dataType, (u, block, at) -> uniforms(u, PointDraws.G_INPUT, batch, block, at));
        gInstanceNoise = anyInstanceNoise ? chunks(batch, dataType,
                (u, block, at) -> normals(u, PointDraws.G_INSTANCE, batch, instanceNoiseHost, block, at)) : null;
        weightNoiseRow = columns.row("weight_noise");

        BatchedOptimizer.Kind kind = BatchedOptimizer.Kind.of(first.text(PointSchema.OPTIMIZER));
        optG = new BatchedOptimizer(kind, 2, new BatchedOptimizer.RunRows(columns.row("lr_g"),
                columns.row("g_weight_decay"), columns.row("momentum"), columns.row("adam_beta1"),
                columns.row("adam_beta2"), columns.row("adam_eps")));
        optD = new BatchedOptimizer(kind, PointDiscriminator.PARAMETERS, new BatchedOptimizer.RunRows(
                columns.row("lr_d"), columns.row("d_weight_decay"), columns.row("momentum"),
                columns.row("adam_beta1"), columns.row("adam_beta2"), columns.row("adam_eps")));
    }

    /** Every run's initial parameters (PointInit), uploaded once. */
    private void initialize() {
        double[] g = new double[2 * runs];
        double[] d = new double[PointDiscriminator.PARAMETERS * runs];
        for (int r = 0; r < runs; r++) {
            double[] p = PointInit.parameters(streams[r]);
            g[W * runs + r] = p[0];
            g[B * runs + r] = p[1];
            for (int k = 0; k < PointDiscriminator.PARAMETERS; k++) {
                d[k * runs + r] = p[2 + k];
            }
        }
        upload.copy(g, gen);
        upload.copy(d, disc);
    }

    /** Draws for DRAW_CHUNK_ELEMENTS / (rows * R) updates at a time, at most 64: one transfer per chunk. */
    private DrawChunks chunks(int rows, DataType dataType, DrawChunks.Filler filler) {
        int updates = (int) Math.max(1, Math.min(64, DRAW_CHUNK_ELEMENTS / ((long) rows * runs)));
        return new DrawChunks(rows, runs, updates, dataType, filler);
    }

    private void uniforms(long update, int purpose, int rows, double[] block, int offset) {
        for (int r = 0; r < runs; r++) {
            long seed = streams[r].block(update, purpose);
            for (int i = 0; i < rows; i++) {
                block[offset + i * runs + r] = RunStream.symmetricFloat(seed, i);
            }
        }
    }

    /** Standard normals for runs whose scale is positive; zeros for the others, who never use them. */
    private void normals(long update, int purpose, int rows, double[] scale, double[] block, int offset) {
        for (int r = 0; r < runs; r++) {
            if (scale[r] > 0) {
                long seed = streams[r].block(update, purpose);
                for (int i = 0; i < rows; i++) {
                    block[offset + i * runs + r] = RunStream.normal(seed, i);
                }
            }
        }
    }

    /** One D update (the update-th overall): BCE on [fake copies; real], weighted and eased per run. */
    void updateDiscriminator(long update) {
        fakeInput.assign(dUniforms.of(update));
        boolean noise = dWeightNoise != null;
        if (noise) {
            // D sees a perturbed G: w_k = w + sigma n_k, b_k = b + sigma n'_k for each copy (or each fake row).
            noisyParams.assign(dWeightNoise.of(update));
            TensorOps.mulRow(noisyParams, weightNoiseRow, noisyParams);
            TensorOps.addRow(noisyW, w, noisyW);
            TensorOps.addRow(noisyB, b, noisyB);
        }
        if (noise && shape.noisePerSample()) {
            TensorOps.mul(fakeInput, noisyW, fakeDInput);
            fakeDInput.addi(noisyB);
        } else {
            fakeInputs(noise);
        }
        if (anyInstanceNoise) {
            realInputRows.assign(1.0);
            addInstanceNoise(dPass.input, instanceD, dInstanceNoise.of(update));
        }
        dPass.forward();
        TensorOps.sub(dPass.output, target, gradLogitD);
        gradLogitD.muli(weight);
        dPass.backward(gradLogitD);
        dPass.parameterGradients(gradLogitD, discGradRows);
        optD.step(disc, discGrad);
    }

    /** Fake inputs from one perturbation of G per copy (or from G itself, without noise). */
    private void fakeInputs(boolean noise) {
        for (int k = 0; k < copies; k++) {
            TensorOps.mulRow(fakeInputRows[k], noise ? noisyWRows[k] : w, dInputRows[k]);
            TensorOps.addRow(dInputRows[k], noise ? noisyBRows[k] : b, dInputRows[k]);
        }
    }

    /** One G update: the non-saturating loss -log D(G(x)), averaged or summed; only G's parameters move. */
    void updateGenerator(long update) {
        genInput.assign(gUniforms.of(update));
        TensorOps.mulRow(genInput, w, gPass.input);
        TensorOps.addRow(gPass.input, b, gPass.input);
        if (anyInstanceNoise) {
            addInstanceNoise(gPass.input, instanceG, gInstanceNoise.of(update));
        }
        gPass.forward();
        // d/dlogit of -log sigmoid(logit), averaged (or summed) over the batch.
        gradLogitG.assign(gPass.output).subi(1.0).diviRowVector(generatorDivisor);
        gPass.backward(gradLogitG);
        gPass.inputGradient(gradInputG);
        TensorOps.sumRows(gradInputG, gradB);
        gradInputG.muli(genInput);
        TensorOps.sumRows(gradInputG, gradW);
        optG.step(gen, genGrad);
    }

    private void addInstanceNoise(INDArray input, INDArray scaled, INDArray normals) {
        scaled.assign(normals);
        TensorOps.mulRow(scaled, instanceNoiseRow, scaled);
        input.addi(scaled);
    }
}
