package org.gansweep.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.engine.EngineException;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Backends;
import org.gansweep.engine.BatchTiming;
import org.gansweep.engine.BatchTrainer;
import org.gansweep.engine.Experiments;
import org.gansweep.engine.Numerics;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.RunPlan;
import org.gansweep.record.Provenance;
import org.gansweep.record.ResultStore;
import org.gansweep.record.ResultWriter;
import org.gansweep.record.RunRecord;
import org.gansweep.plan.RunKey;
import org.gansweep.picture.PlotSelection;
import org.gansweep.picture.SweepPictures;
import org.gansweep.report.SweepReport;
import org.gansweep.track.MlflowMirror;
import org.gansweep.track.MlflowTracker;
import org.gansweep.track.SweepInfo;
import org.gansweep.track.TrackingServer;
import java.time.Duration;
import java.util.Optional;

/** Trains every run of the sweep (or shard) that is not complete yet, then reports. */
@Parameters(commandDescription = "Train the runs of a sweep that are not done yet; resumable, shardable")
final class RunCommand extends SweepOptions implements Command {
    /** Batches up to this size run faster on one ND4J thread (per-op overhead dominates); larger on all cores. */
    private static final int SINGLE_THREAD_BELOW = 1024;
    /** Results are formatted and written on these threads while the next batch trains. */
    private static final int WRITER_THREADS = 2;
    /** Finished runs that may wait for their files; about 40 KB each with their trajectories. */
    private static final int WRITE_QUEUE = 8192;
    /** Stored runs that may wait for MLflow; beyond this they are left for gansweep sync. */
    private static final int TRACKING_QUEUE = 100_000;
    /** Parallel MLflow requests: the server's workers overlap one run's SQL writes with another's upload. */
    static final int TRACKING_THREADS = 4;

    @Parameter(names = "--backend", description = "auto, cpu or cuda; cuda fails if it cannot load")
    String backend = "auto";

    @Parameter(names = "--dtype", description = "float or double")
    String dtype = "float";

    @Parameter(names = "--threads", description = "ND4J threads; 0 = 1 for small batches, all cores for large")
    int threads = 0;

    @Parameter(names = "--max-batch", description = "most runs trained together in one tensor program")
    int maxBatch = 4096;

    @Parameter(names = "--kernel", description = "auto (the experiment's own Java kernel on CPU where it has one: "
            + "one answer on any processor), nd4j (the reference, and the GPU path), or fused (the Java kernel, or fail)")
    String kernel = "auto";

    @Parameter(names = "--plots", description = "pictures after training (report.html, sweep charts, and per run): "
            + "failed (the runs that did not converge, up to 10 a group, and 2 a group as a sample), all, or none")
    String plots = "failed";

    @Parameter(names = "--tracking-uri", description = "log runs to this MLflow server (http://host:port); "
            + "default: $MLFLOW_TRACKING_URI, else no tracking")
    String trackingUri;

    @Parameter(names = "--tracking-points", description = "most points per trajectory metric in MLflow (2 to "
            + "1000; fewer where a run's metrics would not fit one request; the full trajectory is the "
            + "trajectory.csv artifact)")
    int trackingPoints = org.gansweep.track.RunContent.DEFAULT_POINTS;

    @Parameter(names = "--tracking-runs", description = "which seed runs go to MLflow: all, sample (per group the "
            + "first 2 and up to 10 that did not converge, the runs --plots failed draws) or none; default: all up "
            + "to 200 runs in the sweep, sample above. Group and sweep runs always; sync --tracking-runs all adds the rest")
    String trackingRuns;

    @Parameter(names = "--tracking-wait", description = "after training, wait at most this many seconds for "
            + "MLflow logging to catch up; what is left can be pushed later with gansweep sync")
    int trackingWait = 300;

    @Override
    public int call(PrintStream out, PrintStream err) {
        RunPlan whole = plan();
        RunPlan mine = whole.shard(shard());
        if (!Backends.CHOICES.contains(backend)) {
            throw new UsageException("--backend " + backend + ": expected one of " + String.join(", ", Backends.CHOICES));
        }
        Precision precision = switch (dtype) {
            case "float" -> Precision.FLOAT;
            case "double" -> Precision.DOUBLE;
            default -> throw new UsageException("--dtype " + dtype + ": expected float or double");
        };
        if (maxBatch < 1) {
            throw new UsageException("--max-batch " + maxBatch + ": expected an integer >= 1");
        }
        if (threads < 0) {
            throw new UsageException("--threads " + threads + ": expected an integer >= 0 (0 = automatic)");
        }
        if (!List.of("auto", "nd4j", "fused").contains(kernel)) {
            throw new UsageException("--kernel " + kernel + ": expected one of auto, nd4j, fused");
        }
        if (kernel.equals("fused") && backend.equals("cuda")) {
            throw new UsageException("--kernel fused: the Java kernels run on the CPU (use --backend cpu or auto)");
        }
        if (results.isBlank()) {
            throw new UsageException("--results: empty; expected the folder to write the sweep into");
        }
        if (trackingWait < 0) {
            throw new UsageException("--tracking-wait " + trackingWait + ": expected seconds >= 0");
        }
        PlotSelection selection = Pictures.selection(plots);
        TrackedRuns tracked = TrackedRuns.parse(trackingRuns, whole.runs().size());
        Optional<TrackingServer> tracking = Tracking.server(trackingUri, System.getenv());
        int points = Tracking.points(trackingPoints);
        // Nothing is created until the spec, the options and the backend have all been checked.
        List<PlannedRun> todo = Estimates.remaining(mine.runs(), Path.of(results).resolve(whole.spec().name()));
        int largest = new BatchTrainer(Experiments.all(), precision, maxBatch).batches(todo).stream()
                .mapToInt(List::size).max().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();
        int nd4jThreads = threads > 0 ? threads : largest < SINGLE_THREAD_BELOW ? 1 : cores;
        if (selection != PlotSelection.NONE) {
            // Starting the backend is mostly one thread loading native libraries: the other core loads
            // the drawing code meanwhile.
            Thread warmUp = new Thread(() -> SweepPictures.warmUp(whole.spec().experiment()), "gansweep-pictures-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        Numerics numerics = Backends.start(backend, precision, nd4jThreads);
        boolean fused = !kernel.equals("nd4j") && numerics.backend().equals("cpu");
        Map<String, Experiment> experiments = Experiments.all(fused, threads > 0 ? threads : cores);
        String sweepExperiment = whole.spec().experiment();
        if (kernel.equals("fused") && !experiments.get(sweepExperiment).kernel(precision).equals("fused")) {
            throw new EngineException("--kernel fused: " + sweepExperiment + " has no Java kernel in " + precision.label()
                    + " here (point's needs java --add-modules jdk.incubator.vector, as scripts/gansweep passes, "
                    + "and runs in float only)");
        }
        // The backend field of each run names what computed its math: ND4J's backend, or the fused CPU kernel.
        java.util.function.Function<String, String> ranOn = experiment ->
                experiments.get(experiment).kernel(precision).equals("fused") ? "cpu-fused" : numerics.backend();
        BatchTrainer trainer = new BatchTrainer(experiments, precision, maxBatch);
        ResultStore store = ResultStore.open(Path.of(results), whole.spec().name());
        store.writeSweep(whole.spec().text(), whole.spec().specHash(), whole.runs(), whole.varyingKeys(),
                whole.reference());
        err.printf(Locale.ROOT, "sweep %s: %d runs in shard %s, %d already done, %d to train on %s %s (%s)%n",
                whole.spec().name(), mine.runs().size(), mine.shard(), mine.runs().size() - todo.size(), todo.size(),
                todo.isEmpty() ? numerics.backend() : ranOn.apply(todo.get(0).experiment()), numerics.dtype(),
                numerics.device());

        long start = System.nanoTime();
        Progress progress = new Progress(err, todo.size());
        double trainingSeconds;
        Map<RunKey, RunRecord> written;
        String ranHere = todo.isEmpty() ? "" : ranOn.apply(todo.get(0).experiment());
        String command = "scripts/gansweep run " + spec.get(0) + (mine.shard().toString().equals("0/1") ? ""
                : " --shard " + mine.shard());
        SweepInfo info = Tracking.sweepInfo(store, ranHere, todo.isEmpty() ? "" : numerics.dtype(),
                mine.shard().toString(), command);
        Optional<MlflowTracker> tracker = tracking.map(server -> new MlflowTracker(
                () -> MlflowMirror.connect(server, store, info, points), TRACKING_QUEUE, TRACKING_THREADS));
        // Built only when tracking: it indexes the whole plan, which an untracked sweep never needs.
        Optional<ChosenAsTheyCome> chooser = tracker.map(t -> new ChosenAsTheyCome(tracked, whole.runs()));
        java.util.Set<RunKey> offered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.function.Consumer<RunRecord> onWritten = record -> tracker.ifPresent(t -> {
            for (RunRecord chosen : chooser.get().add(record)) {
                if (offered.add(chosen.key())) {
                    t.offer(chosen);
                }
            }
        });
        try (ResultWriter writer = new ResultWriter(store, WRITER_THREADS, WRITE_QUEUE, onWritten)) {
            trainer.train(todo, new RunListener() {
                @Override
                public void onProgress(long done, long total) {
                    progress.steps(done, total);
                }

                @Override
                public void onRunFinished(RunResult result, BatchTiming timing) {
                    writer.submit(result, Provenance.of(numerics.withBackend(ranOn.apply(result.run().experiment())),
                            timing));
                    progress.runFinished();
                }
            });
            trainingSeconds = (System.nanoTime() - start) / 1e9;
            writer.finish();
            written = writer.written();
        }
        progress.finish();
        double writing = (System.nanoTime() - start) / 1e9 - trainingSeconds;
        long reportStart = System.nanoTime();
        SweepReport report = ReportCommand.report(store, written, out);
        Optional<SweepPictures.Drawn> drawn = Optional.empty();
        if (selection != PlotSelection.NONE) {
            List<RunRecord> records = ReportCommand.records(store, written);
            drawn = Optional.of(Pictures.draw(store, report, records, selection, err));
            err.println("report: " + Pictures.page(store));
        }
        Optional<SweepPictures.Drawn> pictures = drawn;
        double reporting = (System.nanoTime() - reportStart) / 1e9;
        double trackingSeconds = 0;
        if (tracker.isPresent()) {
            long trackingStart = System.nanoTime();
            // The chosen runs not offered yet: runs finished by an earlier, interrupted launch, which may be
            // missing in MLflow (the mirror skips those it finds there, so offering every chosen run of this
            // shard costs little), and under a sample those that waited on runs trained elsewhere.
            java.util.Set<RunKey> shardKeys = new java.util.HashSet<>();
            mine.runs().forEach(p -> shardKeys.add(p.key()));
            tracked.choose(ReportCommand.records(store, written)).stream().filter(r -> shardKeys.contains(r.key()))
                    .filter(r -> offered.add(r.key())).forEach(tracker.get()::offer);
            MlflowTracker.Outcome logged = tracker.get().finish(Duration.ofSeconds(trackingWait),
                    () -> Tracking.totals(report, ReportCommand.records(store, written)),
                    mirror -> pictures.ifPresent(d -> Pictures.upload(mirror, d)));
            Tracking.say(logged, tracked, whole.runs().size(), tracking.get().uri(), store, err);
            trackingSeconds = (System.nanoTime() - trackingStart) / 1e9;
        }
        double total = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "wall time %.1f s: training %.1f s (results written alongside), then writing "
                + "%.1f s, report and pictures %.1f s%s (%.1f%% of the wall time)%n", total, trainingSeconds, writing, reporting,
                tracker.isPresent() ? String.format(Locale.ROOT, ", MLflow catching up %.1f s", trackingSeconds) : "",
                total > 0 ? 100 * (writing + reporting + trackingSeconds) / total : 0);
        return Main.OK;
    }
}
