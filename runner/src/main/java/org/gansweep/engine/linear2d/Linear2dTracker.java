package org.gansweep.engine.linear2d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.PlannedRun;

/**
 * Watches every run after each step: the success criterion (relative covariance error and ||c - b|| below
 * their tolerances), divergence (non-finite or beyond diverge_bound), the trajectory, and the losses of the
 * last epoch (d2l prints their per-example means). Host-side bookkeeping only.
 */
final class Linear2dTracker {
    static final List<String> COLUMNS = List.of("step", "epoch", "w00", "w01", "w10", "w11", "c0", "c1",
            "cov_rel_error", "mean_error", "loss_d", "loss_g");

    private final List<PlannedRun> runs;
    private final long steps;
    private final double[] covarianceTolerance;
    private final double[] meanTolerance;
    private final double[] bound;
    private final long[] lastFailure;
    private final long[] divergedAt;
    private final double[] lastEpochLossD;
    private final double[] lastEpochLossG;
    private final List<List<double[]>> rows = new ArrayList<>();

    Linear2dTracker(List<PlannedRun> runs, long steps) {
        this.runs = runs;
        this.steps = steps;
        int count = runs.size();
        covarianceTolerance = new double[count];
        meanTolerance = new double[count];
        bound = new double[count];
        lastFailure = new long[count];
        divergedAt = new long[count];
        lastEpochLossD = new double[count];
        lastEpochLossG = new double[count];
        for (int r = 0; r < count; r++) {
            covarianceTolerance[r] = runs.get(r).config().real("success_cov_tol");
            meanTolerance[r] = runs.get(r).config().real("success_mean_tol");
            bound[r] = runs.get(r).config().real("diverge_bound");
            divergedAt[r] = -1;
            rows.add(new ArrayList<>());
        }
    }

    boolean active(int r) {
        return divergedAt[r] < 0;
    }

    /** Checks each live run after a step (gen, disc: host copies of the [6, R] and [37, R] matrices). */
    List<Integer> observe(long step, double[] gen, double[] disc) {
        int count = runs.size();
        List<Integer> diverged = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            if (!active(r)) {
                continue;
            }
            if (beyondBound(r, gen) || beyondBound(r, disc)) {
                divergedAt[r] = step;
                diverged.add(r);
                continue;
            }
            double[] g = column(gen, r);
            boolean success = LoopClosure.covarianceError(g[0], g[1], g[2], g[3]) < covarianceTolerance[r]
                    && LoopClosure.meanError(g[4], g[5]) < meanTolerance[r];
            if (!success) {
                lastFailure[r] = step;
            }
        }
        return diverged;
    }

    private boolean beyondBound(int r, double[] matrix) {
        int count = runs.size();
        for (int p = r; p < matrix.length; p += count) {
            if (!Double.isFinite(matrix[p]) || Math.abs(matrix[p]) > bound[r]) {
                return true;
            }
        }
        return false;
    }

    private double[] column(double[] gen, int r) {
        int count = runs.size();
        double[] g = new double[Linear2dBatch.G_PARAMETERS];
        for (int p = 0; p < g.length; p++) {
            g[p] = gen[p * count + r];
        }
        return g;
    }

    /** Adds one step of the last epoch to run r's mean losses. */
    void lastEpochLosses(int r, double lossD, double lossG, int stepsPerEpoch) {
        lastEpochLossD[r] += lossD / stepsPerEpoch;
        lastEpochLossG[r] += lossG / stepsPerEpoch;
    }

    void log(int r, long step, long epoch, double[] gen, double lossD, double lossG) {
        double[] g = column(gen, r);
        rows.get(r).add(new double[] {step, epoch, g[0], g[1], g[2], g[3], g[4], g[5],
            LoopClosure.covarianceError(g[0], g[1], g[2], g[3]), LoopClosure.meanError(g[4], g[5]), lossD, lossG});
    }

    RunResult result(int r) {
        List<double[]> trajectory = rows.get(r);
        double[] last = trajectory.get(trajectory.size() - 1);
        Map<String, Double> finals = new LinkedHashMap<>();
        String[] weights = {"w00", "w01", "w10", "w11", "c0", "c1"};
        for (int p = 0; p < weights.length; p++) {
            finals.put(weights[p], last[2 + p]);
        }
        LoopClosure loop = LoopClosure.of(last[2], last[3], last[4], last[5], last[6], last[7]);
        finals.put("cov_rel_error", loop.covarianceError());
        finals.put("mean_error", loop.meanError());
        finals.put("r_orthogonality_error", loop.orthogonalityError());
        finals.put("r_det", loop.determinant());
        finals.put("polar_stretch_error", loop.stretchError());
        finals.put("polar_angle_deg", loop.angleDegrees());
        finals.put("w_vs_a_transpose_error", loop.weightError());
        finals.put("loss_d_last_epoch", divergedAt[r] >= 0 ? Double.NaN : lastEpochLossD[r]);
        finals.put("loss_g_last_epoch", divergedAt[r] >= 0 ? Double.NaN : lastEpochLossG[r]);
        Outcome outcome;
        OptionalLong converged = OptionalLong.empty();
        if (divergedAt[r] >= 0) {
            outcome = Outcome.DIVERGED;
        } else if (lastFailure[r] < steps) {
            outcome = Outcome.CONVERGED;
            converged = OptionalLong.of(lastFailure[r] + 1);
        } else {
            outcome = Outcome.OSCILLATING;
        }
        OptionalLong diverged = divergedAt[r] >= 0 ? OptionalLong.of(divergedAt[r]) : OptionalLong.empty();
        return new RunResult(runs.get(r), outcome, converged, steps, diverged, finals,
                new Trajectory(COLUMNS, trajectory));
    }
}
