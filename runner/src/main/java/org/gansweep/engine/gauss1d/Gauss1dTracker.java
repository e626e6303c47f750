package org.gansweep.engine.gauss1d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gansweep.engine.HoldCriterion;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.PlannedRun;

/**
 * Per run: G's measured mean and std at each log epoch, the losses, divergence, and the outcome. A run
 * converges when every measurement in the last hold_fraction of the epochs is within both tolerances (the
 * first epoch of that final streak is its steps_to_converge); it has collapsed when G's std ends below 1% of
 * the data's (one point for every input: the classic GAN failure); otherwise it oscillates. The same draws
 * that give mean and std are binned into the run's output histogram.
 */
final class Gauss1dTracker {
    static final List<String> COLUMNS = List.of("step", "mean", "std", "loss_d", "loss_g", "d_real", "d_fake");

    private final List<PlannedRun> runs;
    private final long epochs;
    private final double[] dataMean;
    private final double[] dataStd;
    private final double[] meanTol;
    private final double[] stdTol;
    private final double[] bound;
    private final HoldCriterion hold;
    private final long[] divergedAt;
    private final List<List<double[]>> rows = new ArrayList<>();
    private final List<List<double[]>> histogramRows = new ArrayList<>();
    private final OutputHistogram[] histograms;
    private final int evalSamples;

    Gauss1dTracker(List<PlannedRun> runs, long epochs, int evalSamples) {
        this.runs = runs;
        this.epochs = epochs;
        this.evalSamples = evalSamples;
        int count = runs.size();
        hold = HoldCriterion.forRuns(runs, epochs);
        dataMean = new double[count];
        dataStd = new double[count];
        meanTol = new double[count];
        stdTol = new double[count];
        bound = new double[count];
        divergedAt = new long[count];
        histograms = new OutputHistogram[count];
        for (int r = 0; r < count; r++) {
            var config = runs.get(r).config();
            dataMean[r] = config.real("data_mean");
            dataStd[r] = config.real("data_std");
            meanTol[r] = config.real("success_mean_tol");
            stdTol[r] = config.real("success_std_tol");
            bound[r] = config.real("diverge_bound");
            divergedAt[r] = -1;
            rows.add(new ArrayList<>());
            histogramRows.add(new ArrayList<>());
            histograms[r] = new OutputHistogram(dataMean[r], dataStd[r]);
        }
    }

    boolean active(int r) {
        return divergedAt[r] < 0;
    }

    /** Runs whose parameters are no longer finite or beyond the bound (host copies of G's and D's [P, R]). */
    List<Integer> observe(long epoch, double[] gen, double[] disc) {
        List<Integer> diverged = new ArrayList<>();
        int count = runs.size();
        for (int r = 0; r < count; r++) {
            if (active(r) && (HoldCriterion.beyondBound(gen, r, count, bound[r])
                    || HoldCriterion.beyondBound(disc, r, count, bound[r]))) {
                divergedAt[r] = epoch;
                diverged.add(r);
            }
        }
        return diverged;
    }

    /** Logs run r's measurement from G's outputs on the eval draws of all runs (run r at r * eval_samples). */
    void log(int r, long epoch, double[] samples, double lossD, double lossG, double dReal, double dFake) {
        int from = r * evalSamples;
        double sum = 0;
        for (int i = from; i < from + evalSamples; i++) {
            sum += samples[i];
        }
        double mean = sum / evalSamples;
        double squares = 0;
        for (int i = from; i < from + evalSamples; i++) {
            double d = samples[i] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / evalSamples);
        rows.get(r).add(new double[] {epoch, mean, std, lossD, lossG, dReal, dFake});
        histogramRows.get(r).add(histograms[r].row(epoch, samples, from, evalSamples));
        hold.record(r, epoch, Math.abs(mean - dataMean[r]) < meanTol[r] && Math.abs(std - dataStd[r]) < stdTol[r]);
    }

    RunResult result(int r) {
        List<double[]> trajectory = rows.get(r);
        double[] last = trajectory.get(trajectory.size() - 1);
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("mean", last[1]);
        finals.put("std", last[2]);
        finals.put("abs_mean_error", Math.abs(last[1] - dataMean[r]));
        finals.put("abs_std_error", Math.abs(last[2] - dataStd[r]));
        finals.put("loss_d", last[3]);
        finals.put("loss_g", last[4]);
        Outcome outcome;
        OptionalLong converged = OptionalLong.empty();
        if (divergedAt[r] >= 0) {
            outcome = Outcome.DIVERGED;
        } else if (hold.held(r)) {
            outcome = Outcome.CONVERGED;
            converged = OptionalLong.of(hold.streakFrom(r));
        } else if (last[2] < 0.01 * dataStd[r]) {
            outcome = Outcome.COLLAPSED;
        } else {
            outcome = Outcome.OSCILLATING;
        }
        OptionalLong diverged = divergedAt[r] >= 0 ? OptionalLong.of(divergedAt[r]) : OptionalLong.empty();
        return new RunResult(runs.get(r), outcome, converged, epochs, diverged, finals,
                new Trajectory(COLUMNS, trajectory),
                Optional.of(new Trajectory(histograms[r].columns(), histogramRows.get(r))));
    }
}
