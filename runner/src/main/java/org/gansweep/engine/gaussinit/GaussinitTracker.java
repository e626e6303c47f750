package org.gansweep.engine.gaussinit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.gansweep.engine.HoldCriterion;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.PlannedRun;

/**
 * Per run: the step-0 measurement (the initialization's own quality), G's mean and std per output at each log
 * step, and the outcome: converged when every measurement in the last hold_fraction of the steps has every
 * |mean - mu| and |std - sigma| below success_tol * sigma (steps_to_converge: the first step of that final
 * streak, 0 when the initialization already was there and training never left). first_within_tol records
 * when G first came within tolerance at all.
 */
final class GaussinitTracker {
    static final List<String> COLUMNS = List.of("step", "mean0", "mean1", "std0", "std1", "loss_d", "loss_g");

    private final List<PlannedRun> runs;
    private final long steps;
    private final double[] tol;
    private final double[] bound;
    private final HoldCriterion hold;
    private final long[] divergedAt;
    private final List<List<double[]>> rows = new ArrayList<>();
    private final List<Map<String, Double>> initial = new ArrayList<>();
    private final double[][] mu;
    private final double[][] sigma;

    GaussinitTracker(List<PlannedRun> runs, long steps, double[][] mu, double[][] sigma) {
        this.runs = runs;
        this.steps = steps;
        this.mu = mu;
        this.sigma = sigma;
        int count = runs.size();
        hold = HoldCriterion.forRuns(runs, steps);
        tol = new double[count];
        bound = new double[count];
        divergedAt = new long[count];
        for (int r = 0; r < count; r++) {
            tol[r] = runs.get(r).config().real("success_tol");
            bound[r] = runs.get(r).config().real("diverge_bound");
            divergedAt[r] = -1;
            rows.add(new ArrayList<>());
            initial.add(new LinkedHashMap<>());
        }
    }

    boolean active(int r) {
        return divergedAt[r] < 0;
    }

    /** The step-0 measurement on measure_samples draws: errors against (MU, SIGMA) and normality. */
    void initialMeasurement(int r, double[][] samples) {
        Map<String, Double> m = initial.get(r);
        double meanError = 0;
        double stdError = 0;
        double jb = 0;
        for (int o = 0; o < 2; o++) {
            SampleMoments s = SampleMoments.of(samples[o]);
            m.put("init_mean" + o, s.mean());
            m.put("init_std" + o, s.std());
            m.put("init_jarque_bera" + o, s.jarqueBera());
            meanError = Math.max(meanError, Math.abs(s.mean() - mu[o][r]) / sigma[o][r]);
            stdError = Math.max(stdError, Math.abs(s.std() - sigma[o][r]) / sigma[o][r]);
            jb = Math.max(jb, s.jarqueBera());
        }
        // Relative to SIGMA, the worse of the two outputs: comparable across outputs and schemes.
        m.put("init_mean_error", meanError);
        m.put("init_std_error", stdError);
        m.put("init_jarque_bera", jb);
    }

    List<Integer> observe(long step, double[] gen, double[] disc) {
        List<Integer> diverged = new ArrayList<>();
        int count = runs.size();
        for (int r = 0; r < count; r++) {
            if (active(r) && (HoldCriterion.beyondBound(gen, r, count, bound[r])
                    || HoldCriterion.beyondBound(disc, r, count, bound[r]))) {
                divergedAt[r] = step;
                diverged.add(r);
            }
        }
        return diverged;
    }

    void log(int r, long step, double[][] samples, double lossD, double lossG) {
        SampleMoments a = SampleMoments.of(samples[0]);
        SampleMoments b = SampleMoments.of(samples[1]);
        rows.get(r).add(new double[] {step, a.mean(), b.mean(), a.std(), b.std(), lossD, lossG});
        hold.record(r, step, close(a, 0, r) && close(b, 1, r));
    }

    private boolean close(SampleMoments s, int o, int r) {
        return Math.abs(s.mean() - mu[o][r]) < tol[r] * sigma[o][r] && Math.abs(s.std() - sigma[o][r]) < tol[r] * sigma[o][r];
    }

    RunResult result(int r) {
        List<double[]> trajectory = rows.get(r);
        double[] last = trajectory.get(trajectory.size() - 1);
        Map<String, Double> finals = new LinkedHashMap<>(initial.get(r));
        String[] names = {"mean0", "mean1", "std0", "std1"};
        for (int i = 0; i < names.length; i++) {
            finals.put(names[i], last[1 + i]);
        }
        // When G first came within tolerance, held or not: 0 for an initialization that starts there.
        finals.put("first_within_tol", hold.firstGood(r) >= 0 ? (double) hold.firstGood(r) : Double.NaN);
        Outcome outcome;
        OptionalLong converged = OptionalLong.empty();
        if (divergedAt[r] >= 0) {
            outcome = Outcome.DIVERGED;
        } else if (hold.held(r)) {
            outcome = Outcome.CONVERGED;
            converged = OptionalLong.of(hold.streakFrom(r));
        } else if (last[3] < 0.01 * sigma[0][r] && last[4] < 0.01 * sigma[1][r]) {
            outcome = Outcome.COLLAPSED;
        } else {
            outcome = Outcome.OSCILLATING;
        }
        OptionalLong diverged = divergedAt[r] >= 0 ? OptionalLong.of(divergedAt[r]) : OptionalLong.empty();
        return new RunResult(runs.get(r), outcome, converged, steps, diverged, finals,
                new Trajectory(COLUMNS, trajectory));
    }
}
