package org.gansweep.engine;

import java.util.List;
import org.gansweep.plan.PlannedRun;

/**
 * "Success held over the last part of training", per run: fed one measurement at a time (in step order),
 * it knows whether every measurement from the run's own {@code holdFrom} on was good, when the final streak
 * of good measurements began (a run's steps_to_converge), and when the first good one came at all. Each run
 * has its own window: hold_fraction does not split batches, so runs of one batch may differ in it.
 */
public final class HoldCriterion {
    private final long[] holdFrom;
    private final long[] streakFrom;
    private final long[] firstGood;
    private final boolean[] failedInHold;
    private final long[] lastStep;

    /** holdFrom[r]: the first step whose measurements must all be good for run r. */
    public HoldCriterion(long[] holdFrom) {
        this.holdFrom = holdFrom.clone();
        int runs = holdFrom.length;
        streakFrom = new long[runs];
        firstGood = new long[runs];
        failedInHold = new boolean[runs];
        lastStep = new long[runs];
        java.util.Arrays.fill(streakFrom, -1);
        java.util.Arrays.fill(firstGood, -1);
        java.util.Arrays.fill(lastStep, -1);
    }

    /** Each run's window from its own hold_fraction (see {@link #holdFrom}). */
    public static HoldCriterion forRuns(List<PlannedRun> runs, long steps) {
        long[] holdFrom = new long[runs.size()];
        for (int r = 0; r < holdFrom.length; r++) {
            holdFrom[r] = holdFrom(steps, runs.get(r).config().real("hold_fraction"));
        }
        return new HoldCriterion(holdFrom);
    }

    /** The step from which measurements count: the last floor(fraction * steps) steps. */
    public static long holdFrom(long steps, double fraction) {
        return steps - (long) Math.floor(fraction * steps);
    }

    public void record(int r, long step, boolean good) {
        lastStep[r] = step;
        if (!good) {
            streakFrom[r] = -1;
            if (step >= holdFrom[r]) {
                failedInHold[r] = true;
            }
            return;
        }
        if (streakFrom[r] < 0) {
            streakFrom[r] = step;
        }
        if (firstGood[r] < 0) {
            firstGood[r] = step;
        }
    }

    /** Good at every measurement from holdFrom on, and measured there at all. */
    public boolean held(int r) {
        return !failedInHold[r] && streakFrom[r] >= 0 && lastStep[r] >= holdFrom[r];
    }

    /** First step of the final streak of good measurements; meaningful when {@link #held}. */
    public long streakFrom(int r) {
        return streakFrom[r];
    }

    /** The first good measurement's step, or -1. */
    public long firstGood(int r) {
        return firstGood[r];
    }

    /** True when any value of run r's column in a host [P, R] matrix is non-finite or beyond bound. */
    public static boolean beyondBound(double[] matrix, int r, int runs, double bound) {
        for (int i = r; i < matrix.length; i += runs) {
            if (!Double.isFinite(matrix[i]) || Math.abs(matrix[i]) > bound) {
                return true;
            }
        }
        return false;
    }
}
