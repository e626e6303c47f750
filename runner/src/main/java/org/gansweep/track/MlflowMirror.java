package org.gansweep.track;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.record.StoreException;

/**
 * One sweep's image in an MLflow server: an experiment (named after the sweep, marked as model training,
 * described), the sweep run, under it one run per group, under each group one run per seed. What is already
 * there is found by tags rather than remembered, so any process (a shard, a rerun, {@code gansweep sync}) can
 * continue where another stopped without duplicating a run.
 *
 * <p>A seed run costs four requests: create (name and tags), one log-batch (params, metrics, final values),
 * one upload (trajectory.csv), and the update that ends it FINISHED, which is also its completion mark. A seed
 * run found unfinished was cut off and is deleted and logged again; group and sweep runs are ended by
 * {@link #logTotals}, so whatever a killed process left RUNNING ends with the next run or sync. Thread-safe for
 * {@link #logRun} from several threads.
 */
public final class MlflowMirror {
    /**
     * The one file a seed run uploads. Its config and summary are already its params, tags and metrics; the
     * full-resolution trajectory is the one thing MLflow would otherwise lack (its metrics are a sketch at a
     * stride). Other files (config.json, summary.json, histogram.csv) stay in the results folder.
     */
    static final String TRAJECTORY = "trajectory.csv";

    private final TrackingServer server;
    private final MlflowApi api;
    private final ResultStore store;
    private final SweepInfo sweep;
    private final String experimentId;
    private final MlflowApi.Found sweepRun;
    private final int points;
    private final RunNames names;
    private final SeedRuns seeds = new SeedRuns();
    private final GroupRuns groups;

    private MlflowMirror(TrackingServer server, MlflowApi api, ResultStore store, SweepInfo sweep, String experimentId,
                         MlflowApi.Found sweepRun, int points) {
        this.server = server;
        this.api = api;
        this.store = store;
        this.sweep = sweep;
        this.experimentId = experimentId;
        this.sweepRun = sweepRun;
        this.points = points;
        this.names = new RunNames(sweep.varyingKeys(), sweep.defaults());
        this.groups = new GroupRuns(api, store, sweep, experimentId, sweepRun.id(), names, points);
    }

    /**
     * Finds or creates the sweep's experiment and sweep run and reads which runs are there already.
     * {@code points} bounds the points per trajectory metric. Throws {@link TrackingException} when the
     * server cannot be reached or refuses.
     */
    public static MlflowMirror connect(TrackingServer server, ResultStore store, SweepInfo sweep, int points) {
        if (points < 2 || points > RunContent.MAX_POINTS) {
            throw new IllegalArgumentException("points per metric must be 2 to " + RunContent.MAX_POINTS + ", got " + points);
        }
        MlflowApi api = new MlflowApi(server);
        String experimentId = RunTree.experiment(api, sweep);
        List<MlflowApi.Found> existing = api.searchRuns(experimentId, "");
        MlflowApi.Found sweepRun = RunTree.findOrCreate(api, experimentId, existing, Tags.KIND_SWEEP, Tags.SWEEP,
                sweep.name(), () -> api.createRun(experimentId, sweep.name(), System.currentTimeMillis(),
                        List.of(new KeyValue(Tags.KIND, Tags.KIND_SWEEP), new KeyValue(Tags.SWEEP, sweep.name()))))
                .run();
        MlflowMirror mirror = new MlflowMirror(server, api, store, sweep, experimentId, sweepRun, points);
        existing.forEach(mirror::index);
        mirror.describeSweep();
        return mirror;
    }

    private void index(MlflowApi.Found run) {
        switch (run.tag(Tags.KIND)) {
            case Tags.KIND_RUN -> seeds.known(run);
            case Tags.KIND_GROUP -> groups.known(run);
            default -> {
                // The sweep run itself, or runs gansweep did not create: left alone.
            }
        }
    }

    /** Tags on the sweep run; set again by every process, so the latest shard and backend show. */
    private void describeSweep() {
        List<KeyValue> tags = new ArrayList<>(List.of(new KeyValue(Tags.KIND, Tags.KIND_SWEEP),
                new KeyValue(Tags.SWEEP, sweep.name()), new KeyValue(Tags.SPEC_HASH, sweep.specHash()),
                new KeyValue("gansweep.shard", sweep.shard()),
                new KeyValue("gansweep.varying", String.join(",", sweep.varyingKeys()))));
        if (!sweep.backend().isEmpty()) {
            tags.add(new KeyValue("gansweep.backend", sweep.backend()));
            tags.add(new KeyValue("gansweep.dtype", sweep.dtype()));
        }
        send(sweepRun.id(), List.of(), List.of(), tags, "tagging the sweep run");
    }

    public String experimentId() {
        return experimentId;
    }

    public String sweepRunId() {
        return sweepRun.id();
    }

    public String uri() {
        return server.uri();
    }

    public boolean isLogged(RunKey key) {
        return seeds.isLogged(key.value());
    }

    /**
     * Logs one stored run as a seed run under its group run (made on first use), in four requests. Does
     * nothing for a run already logged; a cut-off copy is deleted first.
     */
    public void logRun(RunRecord run) {
        String key = run.key().value();
        if (seeds.isLogged(key)) {
            return;
        }
        // Everything is read before anything is sent: a run whose files no longer read is not half-logged.
        long created = System.currentTimeMillis();
        List<KeyValue> params = RunContent.params(run);
        List<KeyValue> finals = RunContent.finals(run);
        int room = LogBatches.MAX_ITEMS - params.size() - finals.size();
        List<MetricPoint> metrics = RunContent.metrics(run, store.readTrajectory(run.key()),
                sweep.headlineColumns(), created, points, room);
        HttpRequest.BodyPublisher trajectory = publisher(store.runDirectory(run.key()).resolve(TRAJECTORY));
        seeds.takeCutOff(key).ifPresent(api::deleteRun);
        Map<String, Object> values = varyingValues(run);
        MlflowApi.Found group = groups.run(run.group().value(), values);
        String name = names.seed(values, run.seed());
        MlflowApi.Created info = api.createRun(experimentId, name, created, RunContent.tags(run, sweep.name(),
                group.id()));
        seeds.started(key, info.id());
        if (info.maybeDuplicated()) {
            removeCopies(key, info.id(), created);
        }
        send(info.id(), metrics, params, finals, "logging run " + name);
        if (MlflowApi.uploadable(info.artifactUri())) {
            api.upload(info.artifactUri(), TRAJECTORY, trajectory);
        }
        api.finish(info.id(), name, System.currentTimeMillis());
        seeds.finished(key, info.id(), info.artifactUri());
    }

    /** A create retried after a lost answer may have made this run twice: the copy (same start time) goes. */
    private void removeCopies(String key, String mine, long startTime) {
        for (MlflowApi.Found copy : api.searchRuns(experimentId, "tags.`" + Tags.RUN_KEY + "` = '" + key + "'")) {
            if (!copy.id().equals(mine) && copy.startTime() == startTime) {
                api.deleteRun(copy.id());
            }
        }
    }

    private Map<String, Object> varyingValues(RunRecord run) {
        Map<String, Object> values = new TreeMap<>();
        for (String key : sweep.varyingKeys()) {
            if (run.config().values().containsKey(key)) {
                values.put(key, run.config().values().get(key));
            }
        }
        return values;
    }

    /**
     * Logs each group's totals on its group run, and its bands once the group is complete (all its planned
     * seeds stored) and they are not there yet; then the sweep's totals and groups table on the sweep run.
     * Ends every group run, the sweep run and first-layout runs left RUNNING as FINISHED. Totals are logged at
     * step = the number of runs counted, so their history shows the sweep filling up.
     */
    public void logTotals(List<GroupTotals> totals) {
        long now = System.currentTimeMillis();
        int complete = 0;
        int successes = 0;
        Map<String, String> groupNames = new TreeMap<>();
        for (GroupTotals group : totals) {
            complete += group.runs();
            successes += group.successes();
            groupNames.put(group.groupKey(), groups.logTotals(group, now));
        }
        List<MetricPoint> sweepMetrics = List.of(new MetricPoint("runs_planned", sweep.plannedRuns(), now, complete),
                new MetricPoint("runs_complete", complete, now, complete),
                new MetricPoint("successes", successes, now, complete),
                new MetricPoint("success_rate", complete == 0 ? 0 : (double) successes / complete, now, complete),
                new MetricPoint("groups", totals.size(), now, complete));
        List<KeyValue> tags = new ArrayList<>();
        if (MlflowApi.uploadable(sweepRun.artifactUri())) {
            api.upload(sweepRun.artifactUri(), GroupsTable.FILE, HttpRequest.BodyPublishers.ofByteArray(
                    GroupsTable.json(totals, sweep.varyingKeys(), groupNames)));
            // Listed only once it is there, so a process killed before this lists no missing table.
            tags.add(new KeyValue(Tags.LOGGED_ARTIFACTS, GroupsTable.loggedArtifactsTag()));
        }
        send(sweepRun.id(), sweepMetrics, List.of(), tags, "logging the sweep totals");
        seeds.tidy(api);
        api.finish(sweepRun.id(), sweep.name(), System.currentTimeMillis());
    }

    /**
     * Uploads files drawn after the runs were logged (pictures, report.html): {@code sweepFiles} (paths
     * relative to the sweep folder) to the sweep run, and each logged run's {@code runFiles} (relative to its
     * run folder) to that run. Re-uploading a file replaces it.
     */
    public void logPictures(List<String> sweepFiles, Map<RunKey, List<String>> runFiles) {
        if (MlflowApi.uploadable(sweepRun.artifactUri())) {
            for (String name : sweepFiles) {
                api.upload(sweepRun.artifactUri(), name, publisher(store.sweepDir().resolve(name)));
            }
        }
        runFiles.forEach((key, files) -> seeds.logged(key.value()).filter(run -> MlflowApi.uploadable(run.artifactUri()))
                .ifPresent(run -> files.forEach(name -> api.upload(run.artifactUri(), name,
                        publisher(store.runDirectory(key).resolve(name))))));
    }

    private static HttpRequest.BodyPublisher publisher(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new StoreException(file + ": no such file", e);
        }
    }

    private void send(String runId, List<MetricPoint> metrics, List<KeyValue> params, List<KeyValue> tags,
                      String what) {
        send(api, runId, metrics, params, tags, what);
    }

    /** Logs in as few log-batch requests as the server's limits allow: one, for a seed run. */
    static void send(MlflowApi api, String runId, List<MetricPoint> metrics, List<KeyValue> params,
                     List<KeyValue> tags, String what) {
        for (LogBatches.Batch batch : LogBatches.split(metrics, params, tags)) {
            api.logBatch(runId, batch, what);
        }
    }
}
