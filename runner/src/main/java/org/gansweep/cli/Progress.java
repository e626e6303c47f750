package org.gansweep.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line on stderr: runs done, throughput in run-steps/s, ETA. Redrawn in place on a terminal at
 * most twice a second; elsewhere (logs, Slurm) one plain line every 30 seconds.
 */
final class Progress {
    private static final long REDRAW_NANOS = 500_000_000L;
    private static final long LOG_NANOS = 30_000_000_000L;
    private final PrintStream err;
    private final boolean terminal;
    private final int totalRuns;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int runsDone;
    private long stepsDone;
    private long stepsTotal = 1;

    Progress(PrintStream err, int totalRuns) {
        this.err = err;
        this.terminal = System.console() != null && err == System.err;
        this.totalRuns = totalRuns;
    }

    void steps(long done, long total) {
        stepsDone = done;
        stepsTotal = Math.max(1, total);
        maybeDraw(false);
    }

    void runFinished() {
        runsDone++;
        maybeDraw(runsDone == totalRuns);
    }

    private void maybeDraw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < (terminal ? REDRAW_NANOS : LOG_NANOS)) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double rate = elapsed > 0 ? stepsDone / elapsed : 0;
        double eta = rate > 0 ? (stepsTotal - stepsDone) / rate : Double.NaN;
        int width = 24;
        int filled = (int) Math.round(width * (double) stepsDone / stepsTotal);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d runs  %s run-steps/s  elapsed %s  ETA %s",
                "=".repeat(filled), " ".repeat(width - filled), runsDone, totalRuns, compact(rate),
                duration(elapsed), duration(eta));
        err.print(terminal ? "\r" + line : line + "\n");
        err.flush();
    }

    void finish() {
        if (terminal) {
            err.println();
        }
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String compact(double x) {
        return x >= 1e6 ? String.format(Locale.ROOT, "%.2fM", x / 1e6)
                : x >= 1e3 ? String.format(Locale.ROOT, "%.1fk", x / 1e3) : String.format(Locale.ROOT, "%.0f", x);
    }
}
