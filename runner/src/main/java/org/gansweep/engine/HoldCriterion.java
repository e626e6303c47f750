package org.gansweep.engine;

/**
 * "Success held over the last part of training", per run: fed one measurement at a time (in step order),
 * it knows whether every measurement from {@code holdFrom} on was good, when the final streak of good
 * measurements began (a run's steps_to_converge), and when the first good one came at all.
 */
public final class HoldCriterion {
    private final long holdFrom;
    private final long[] streakFrom;
    private final long[] firstGood;
    private final boolean[] failedInHold;
    private final long[] lastStep;

    /** holdFrom: the first step whose measurements must all be good. */
    public HoldCriterion(int runs, long holdFrom) {
        this.holdFrom = holdFrom;
        streakFrom = new long[runs];
        firstGood = new long[runs];
        failedInHold = new boolean[runs];
        lastStep = new long[runs];
        java.util.Arrays.fill(streakFrom, -1);
        java.util.Arrays.fill(firstGood, -1);
        java.util.Arrays.fill(lastStep, -1);
    }

    /** The step from which measurements count: the last floor(fraction * steps) steps. */
    public static long holdFrom(long steps, double fraction) {
        return steps - (long) Math.floor(fraction * steps);
    }

    public void record(int r, long step, boolean good) {
        lastStep[r] = step;
        if (!good) {
            streakFrom[r] = -1;
            if (step >= holdFrom) {
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
        return !failedInHold[r] && streakFrom[r] >= 0 && lastStep[r] >= holdFrom;
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
