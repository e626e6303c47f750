package org.gansweep.engine.point;

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
 * Watches every run of a batch after each step: the success criterion (|w| and |b - 1| below success_tol),
 * divergence (non-finite or beyond diverge_bound), and the logged trajectory. Host-side bookkeeping only.
 */
final class PointTracker {
    static final List<String> COLUMNS = List.of("step", "w", "b", "d_a0", "d_a1", "d_c0", "d_c1", "d_v0",
            "d_v1", "d_e", "d_real", "d_fake_mean", "loss_d", "loss_g");
    private static final int PARAMS = 2 + PointDiscriminator.PARAMETERS;

    private final List<PlannedRun> runs;
    private final long steps;
    private final double[] tolerance;
    private final double[] bound;
    private final long[] holdFrom;
    private final long[] lastFailure;
    private final long[] divergedAt;
    private final List<List<double[]>> rows = new ArrayList<>();

    PointTracker(List<PlannedRun> runs, long steps) {
        this.runs = runs;
        this.steps = steps;
        int count = runs.size();
        tolerance = new double[count];
        bound = new double[count];
        holdFrom = new long[count];
        lastFailure = new long[count];
        divergedAt = new long[count];
        for (int r = 0; r < count; r++) {
            tolerance[r] = runs.get(r).config().real("success_tol");
            bound[r] = runs.get(r).config().real("diverge_bound");
            // The criterion must hold at every step after this one.
            holdFrom[r] = (long) Math.floor(steps * (1 - runs.get(r).config().real("hold_fraction")));
            divergedAt[r] = -1;
            rows.add(new ArrayList<>());
        }
    }

    /** Parameter p of run r: rows 0-1 are G's w, b; rows 2-8 are D's parameters in PointDiscriminator order. */
    interface Params {
        double value(int p, int r);

        /** Host copies of the [2, R] and [7, R] matrices, row-major, as the ND4J path reads them. */
        static Params of(double[] gen, double[] disc, int runs) {
            return (p, r) -> p < 2 ? gen[p * runs + r] : disc[(p - 2) * runs + r];
        }

        /** The fused path's [parameter][run] float arrays. */
        static Params of(float[][] gen, float[][] disc) {
            return (p, r) -> p < 2 ? gen[p][r] : disc[p - 2][r];
        }
    }

    boolean active(int r) {
        return divergedAt[r] < 0;
    }

    /** The success criterion after a step, for runs [from, to), from host copies of the parameters. */
    void observeCriterion(long step, Params params, int from, int to) {
        for (int r = from; r < to; r++) {
            double w = params.value(PointBatch.W, r);
            double b = params.value(PointBatch.B, r);
            if (!(Math.abs(w) < tolerance[r] && Math.abs(b - 1) < tolerance[r])) {
                lastFailure[r] = step;
            }
        }
    }

    /** The criterion as tracked elsewhere (on the tensor backend): the last step each run failed it. */
    void lastFailures(double[] steps) {
        for (int r = 0; r < steps.length; r++) {
            lastFailure[r] = (long) steps[r];
        }
    }

    /**
     * Divergence is checked at log steps (and the last step): a run found non-finite or beyond its bound is
     * marked diverged at this step and returned, to be frozen. Between checks a broken run only computes
     * NaN in its own column, which no other run reads.
     */
    List<Integer> checkDivergence(long step, Params params) {
        List<Integer> diverged = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            if (active(r) && beyondBound(r, params)) {
                divergedAt[r] = step;
                diverged.add(r);
            }
        }
        return diverged;
    }

    private boolean beyondBound(int r, Params params) {
        for (int p = 0; p < PARAMS; p++) {
            double v = params.value(p, r);
            if (!Double.isFinite(v) || Math.abs(v) > bound[r]) {
                return true;
            }
        }
        return false;
    }

    /** Appends a trajectory row for run r; scores and losses may be NaN where not yet defined (step 0). */
    void log(int r, long step, Params params, double dReal, double dFake, double lossD, double lossG) {
        double[] row = new double[COLUMNS.size()];
        row[0] = step;
        for (int p = 0; p < PARAMS; p++) {
            row[1 + p] = params.value(p, r);
        }
        row[10] = dReal;
        row[11] = dFake;
        row[12] = lossD;
        row[13] = lossG;
        rows.get(r).add(row);
    }

    RunResult result(int r) {
        List<double[]> trajectory = rows.get(r);
        double[] last = trajectory.get(trajectory.size() - 1);
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("w", last[1]);
        finals.put("b", last[2]);
        finals.put("abs_w", Math.abs(last[1]));
        finals.put("abs_b_minus_1", Math.abs(last[2] - 1));
        finals.put("d_real", last[10]);
        finals.put("loss_d", last[12]);
        finals.put("loss_g", last[13]);
        Outcome outcome;
        OptionalLong converged = OptionalLong.empty();
        if (divergedAt[r] >= 0) {
            outcome = Outcome.DIVERGED;
        } else if (lastFailure[r] <= holdFrom[r]) {
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
