package org.gansweep.engine.dirac;

import java.util.List;
import org.gansweep.engine.LaneMath;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;

/**
 * {@link DiracBatch}'s program in plain Java: theta, psi, the step sizes and the clip bound are length-R
 * arrays, each run one lane that no other lane reads, so a run gets the same bits alone or in any batch or
 * chunk. Updates follow the reference notebook's simulate.py: simultaneous (both from the old point) or
 * alternating (one theta step, then d_steps psi steps, re-evaluating the field each time); WGAN's clipping
 * applies after every update and to the start. A float batch rounds every stored value to float
 * ({@link LaneMath#round}), so its + - * are float arithmetic. Not thread-safe: one chunk, one thread.
 */
final class DiracLanes implements DiracKernel {
    private final long steps;
    private final int logEvery;
    private final int runs;
    private final boolean single;
    private final boolean alternating;
    private final int dSteps;
    private final boolean clipped;
    private final double[] theta;
    private final double[] psi;
    private final double[] lrG;
    private final double[] lrD;
    private final double[] clip;
    private final DiracLaneField field;
    private final double[] v1;
    private final double[] v2;

    DiracLanes(List<PlannedRun> plannedRuns, boolean single) {
        ResolvedConfig shape = plannedRuns.get(0).config();
        runs = plannedRuns.size();
        this.single = single;
        steps = shape.integer(DiracSchema.STEPS);
        logEvery = (int) shape.integer(DiracSchema.LOG_EVERY);
        alternating = shape.text(DiracSchema.UPDATE).equals(DiracSchema.ALTERNATING);
        dSteps = alternating ? (int) shape.integer(DiracSchema.D_STEPS) : 1;
        String loss = shape.text(DiracSchema.LOSS);
        String reg = shape.text(DiracSchema.REG);
        clipped = loss.equals(DiracSchema.WGAN);
        theta = column(plannedRuns, "theta0", single);
        psi = column(plannedRuns, "psi0", single);
        lrG = column(plannedRuns, "lr_g", single);
        lrD = column(plannedRuns, "lr_d", single);
        clip = column(plannedRuns, "wgan_clip", single);
        DiracDraws draws = null;
        if (reg.equals(DiracSchema.INSTANCE_NOISE)) {
            RunStream[] streams = plannedRuns.stream().map(r -> new RunStream(r.seed())).toArray(RunStream[]::new);
            boolean monteCarlo = shape.text(DiracSchema.NOISE_EXPECTATION).equals(DiracSchema.MONTE_CARLO);
            int rows = (int) shape.integer(monteCarlo ? DiracSchema.NOISE_DRAWS : DiracSchema.QUADRATURE_NODES);
            draws = new DiracDraws(streams, monteCarlo, rows, single);
        }
        field = new DiracLaneField(loss, reg, plannedRuns, single, draws);
        v1 = new double[runs];
        v2 = new double[runs];
        clipPsi();
    }

    /** A per-run parameter as the batch's dtype holds it (an ND4J float row casts the same way). */
    static double[] column(List<PlannedRun> plannedRuns, String parameter, boolean single) {
        double[] values = new double[plannedRuns.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = LaneMath.round(single, plannedRuns.get(r).config().real(parameter));
        }
        return values;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public int logEvery() {
        return logEvery;
    }

    /** The lanes themselves (the tracker only reads them): nothing is copied per step. */
    @Override
    public double[] theta() {
        return theta;
    }

    @Override
    public double[] psi() {
        return psi;
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

    /** x += h v, the product rounded before the sum as ND4J's two ops do. */
    private void advance(double[] x, double[] h, double[] v) {
        for (int r = 0; r < runs; r++) {
            x[r] = LaneMath.round(single, x[r] + LaneMath.round(single, h[r] * v[r]));
        }
    }

    private void clipPsi() {
        if (clipped) {
            for (int r = 0; r < runs; r++) {
                psi[r] = Math.min(Math.max(psi[r], -clip[r]), clip[r]);
            }
        }
    }

    @Override
    public void freeze(int r) {
        lrG[r] = 0.0;
        lrD[r] = 0.0;
        theta[r] = 0.0;
        psi[r] = 0.0;
    }
}
