package org.gansweep.engine.dirac;

import java.util.List;
import org.gansweep.engine.RunColumns;
import org.gansweep.engine.RunStream;
import org.gansweep.engine.TensorOps;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * R Dirac-GANs as one ND4J program: theta and psi are length-R rows, every step size and regularizer
 * weight a per-run row. Updates follow the reference notebook's simulate.py: simultaneous (both from the
 * old point) or alternating (one theta step, then d_steps psi steps, re-evaluating the field each time);
 * WGAN's clipping applies after every update and to the start.
 */
final class DiracBatch implements DiracKernel {
    private final long steps;
    private final int logEvery;
    private final INDArray theta;
    private final INDArray psi;
    private final boolean alternating;
    private final int dSteps;
    private final boolean clipped;
    private final INDArray lrG;
    private final INDArray lrD;
    private final INDArray clip;
    private final INDArray negativeClip;
    private final DiracField field;
    private final INDArray v1;
    private final INDArray v2;
    private final INDArray move;

    DiracBatch(List<PlannedRun> plannedRuns, DataType dataType) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        int runs = plannedRuns.size();
        steps = shape.integer(DiracSchema.STEPS);
        logEvery = (int) shape.integer(DiracSchema.LOG_EVERY);
        alternating = shape.text(DiracSchema.UPDATE).equals(DiracSchema.ALTERNATING);
        dSteps = alternating ? (int) shape.integer(DiracSchema.D_STEPS) : 1;
        String loss = shape.text(DiracSchema.LOSS);
        String reg = shape.text(DiracSchema.REG);
        clipped = loss.equals(DiracSchema.WGAN);
        RunColumns columns = new RunColumns(plannedRuns, dataType);
        theta = columns.row("theta0");
        psi = columns.row("psi0");
        lrG = columns.row("lr_g");
        lrD = columns.row("lr_d");
        clip = columns.row("wgan_clip");
        negativeClip = clip.neg();
        DiracNoise noise = null;
        if (reg.equals(DiracSchema.INSTANCE_NOISE)) {
            RunStream[] streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
            boolean monteCarlo = shape.text(DiracSchema.NOISE_EXPECTATION).equals(DiracSchema.MONTE_CARLO);
            int rows = (int) shape.integer(monteCarlo ? DiracSchema.NOISE_DRAWS : DiracSchema.QUADRATURE_NODES);
            noise = new DiracNoise(streams, monteCarlo, rows, dataType);
        }
        field = new DiracField(loss, reg, columns, runs, noise, dataType);
        v1 = Nd4j.zeros(dataType, runs);
        v2 = Nd4j.zeros(dataType, runs);
        move = Nd4j.zeros(dataType, runs);
        clipPsi();
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public int logEvery() {
        return logEvery;
    }

    /** Parameters reach the host every step: the tracker watches r after each. */
    @Override
    public double[] theta() {
        return theta.toDoubleVector();
    }

    @Override
    public double[] psi() {
        return psi.toDoubleVector();
    }

    @Override
    public void step(long step) {
        if (!alternating) {
            field.evaluate(theta, psi, v1, v2, step - 1);
            advance(theta, lrG, v1);
            advance(psi, lrD, v2);
            clipPsi();
            return;
        }
        long evaluation = (step - 1) * (1 + dSteps);
        field.evaluate(theta, psi, v1, v2, evaluation);
        advance(theta, lrG, v1);
        for (int j = 1; j <= dSteps; j++) {
            field.evaluate(theta, psi, v1, v2, evaluation + j);
            advance(psi, lrD, v2);
            clipPsi();
        }
    }

    private void advance(INDArray x, INDArray h, INDArray v) {
        TensorOps.mul(h, v, move);
        x.addi(move);
    }

    private void clipPsi() {
        if (clipped) {
            Transforms.max(psi, negativeClip, false);
            Transforms.min(psi, clip, false);
        }
    }

    @Override
    public void freeze(int r) {
        lrG.putScalar(r, 0.0);
        lrD.putScalar(r, 0.0);
        theta.putScalar(r, 0.0);
        psi.putScalar(r, 0.0);
    }
}
