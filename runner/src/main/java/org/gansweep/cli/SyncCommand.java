package org.gansweep.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.report.SweepReport;
import org.gansweep.track.MlflowMirror;
import org.gansweep.track.TrackingException;
import org.gansweep.track.TrackingServer;

/**
 * Pushes whatever MLflow lacks of a sweep's results folder: runs not logged (or cut off mid-way), then the
 * group and sweep totals, the sweep's charts and report.html when a run drew them, and ends every run a
 * killed process left RUNNING. Runs are matched by their
 * gansweep.run_key tag, so syncing twice, or after a partly logged sweep, creates no duplicates.
 */
@Parameters(commandDescription = "Push a results folder's runs to MLflow; only what the server lacks")
final class SyncCommand implements Command {
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    @Parameter(description = "RESULTS_DIR/<sweep>", required = true)
    List<String> folder = new ArrayList<>();

    @Parameter(names = "--tracking-uri", description = "the MLflow server (http://host:port); default: "
            + "$MLFLOW_TRACKING_URI")
    String trackingUri;

    @Parameter(names = "--tracking-points", description = "most points per trajectory metric in MLflow (2 to "
            + "1000; fewer where a run's metrics would not fit one request; the full trajectory is the "
            + "trajectory.csv artifact)")
    int trackingPoints = org.gansweep.track.RunContent.DEFAULT_POINTS;

    @Parameter(names = "--tracking-runs", description = "which seed runs go to MLflow: all, sample (per group the "
            + "first 2 and up to 10 that did not converge, the runs --plots failed draws) or none; default: all up "
            + "to 200 runs in the sweep, sample above. Group and sweep runs always")
    String trackingRuns;

    @Parameter(names = {"-h", "--help"}, help = true, description = "this help")
    boolean help;

    @Override
    public boolean help() {
        return help;
    }

    @Override
    public int call(PrintStream out, PrintStream err) {
        if (folder.size() != 1) {
            throw new UsageException("expected exactly one results folder, got " + folder.size());
        }
        Optional<TrackingServer> server = Tracking.server(trackingUri, System.getenv());
        if (server.isEmpty()) {
            throw new UsageException("no MLflow server: pass --tracking-uri http://host:port or set "
                    + Tracking.ENV_URI);
        }
        int points = Tracking.points(trackingPoints);
        ResultStore store = ResultStore.existing(Path.of(folder.get(0)));
        List<RunRecord> records = ReportCommand.records(store, Map.of());
        TrackedRuns tracked = TrackedRuns.parse(trackingRuns, store.readSweep().orElseThrow().get("runs").size());
        List<RunRecord> chosen = tracked.choose(records);
        SweepReport report = ReportCommand.build(store, records);
        long start = System.nanoTime();
        MlflowMirror mirror = MlflowMirror.connect(server.get(), store, Tracking.sweepInfo(store, "", "", "sync", ""),
                points);
        List<RunRecord> notLogged = chosen.stream().filter(r -> !mirror.isLogged(r.key())).toList();
        List<RunRecord> missing = ReadableRuns.of(store, notLogged, "sync", err);
        int there = chosen.size() - notLogged.size();
        err.printf(Locale.ROOT, "sync %s: %d complete runs%s, %d already in MLflow, %d to log%s%n",
                store.sweepDir(), records.size(), chosen.size() == records.size() ? ""
                        : ", " + chosen.size() + " chosen (--tracking-runs " + tracked.name().toLowerCase(Locale.ROOT) + ")",
                there, missing.size(),
                missing.size() < notLogged.size() ? ", " + (notLogged.size() - missing.size()) + " skipped" : "");
        Logged logged = logAll(mirror, missing, err);
        mirror.logTotals(Tracking.totals(report, records));
        mirror.logPictures(Pictures.drawnSweepFiles(store), Map.of());
        out.printf(Locale.ROOT, "%s/#/experiments/%s: %d runs logged now, %d were there, %d groups (%.1f s)%n",
                mirror.uri(), mirror.experimentId(), logged.count(), there,
                report.groups().size(), (System.nanoTime() - start) / 1e9);
        if (logged.count() < missing.size()) {
            throw new TrackingException((missing.size() - logged.count()) + " of " + missing.size()
                    + " runs not logged; last: " + logged.lastFailure() + " (run sync again to log them)", false);
        }
        return Main.OK;
    }

    /** How many runs were logged, and why the last one that failed did ("" when none failed). */
    private record Logged(int count, String lastFailure) {
    }

    /**
     * Logs runs on a few threads. A run that still fails after its retries is counted and the others go on;
     * its cut-off copy in MLflow is replaced by the next sync.
     */
    private static Logged logAll(MlflowMirror mirror, List<RunRecord> runs, PrintStream err) {
        ExecutorService threads = Executors.newFixedThreadPool(RunCommand.TRACKING_THREADS);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> lastFailure = new AtomicReference<>("");
        long start = System.nanoTime();
        AtomicLong lastLine = new AtomicLong(start);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunRecord run : runs) {
                futures.add(threads.submit(() -> {
                    try {
                        mirror.logRun(run);
                    } catch (RuntimeException e) {
                        lastFailure.set(e.getMessage() == null ? "failed without a reason"
                                : e.getMessage().lines().findFirst().orElse(""));
                        return;
                    }
                    int n = done.incrementAndGet();
                    long now = System.nanoTime();
                    long last = lastLine.get();
                    if (now - last > PROGRESS_NANOS && lastLine.compareAndSet(last, now)) {
                        double rate = n / ((now - start) / 1e9);
                        err.printf(Locale.ROOT, "sync: %d/%d runs logged, %.1f runs/s, ETA %s%n", n, runs.size(),
                                rate, Progress.duration((runs.size() - n) / rate));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return new Logged(done.get(), lastFailure.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("sync interrupted after " + done.get() + " runs", false);
        } catch (ExecutionException e) {
            throw new TrackingException("sync: " + e.getCause().getMessage(), false);
        } finally {
            threads.shutdownNow();
        }
    }
}
