package org.gansweep.track;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gansweep.internal.IoErrors;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.Page;

/**
 * One sweep's image in an MLflow server: its experiment (named after the sweep), the sweep's parent run,
 * and what is already logged there, found by tags rather than remembered, so that any process (a shard, a
 * rerun, {@code gansweep sync}) can continue where another stopped without duplicating a run.
 *
 * <p>A run counts as logged only once its {@code gansweep.logged} tag is set, after its params, metrics and
 * artifacts; a run cut off before that is deleted and logged again. Thread-safe for {@link #logRun} from
 * several threads.
 */
public final class MlflowMirror implements AutoCloseable {
    private static final int SEARCH_PAGE = 1000;

    private final TrackingServer server;
    private final MlflowClient client;
    private final ArtifactUploader artifacts;
    private final ResultStore store;
    private final SweepInfo sweep;
    private final String experimentId;
    private final String parentRunId;
    private final int points;
    /** run key -> MLflow run id of runs logged completely. */
    private final Map<String, String> logged = new ConcurrentHashMap<>();
    /** run key -> MLflow run id of runs started but cut off before completion. */
    private final Map<String, String> partial = new ConcurrentHashMap<>();
    /** group key -> MLflow run id of group runs. */
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    /** MLflow run id -> artifact root, for files added after a run was logged (pictures). */
    private final Map<String, String> artifactRoots = new ConcurrentHashMap<>();

    private MlflowMirror(TrackingServer server, MlflowClient client, ResultStore store, SweepInfo sweep,
                         String experimentId, String parentRunId, int points) {
        this.server = server;
        this.client = client;
        this.artifacts = new ArtifactUploader(server);
        this.store = store;
        this.sweep = sweep;
        this.experimentId = experimentId;
        this.parentRunId = parentRunId;
        this.points = points;
    }

    /**
     * Finds or creates the sweep's experiment and parent run and reads which runs are there already.
     * {@code points} bounds the points per trajectory metric. Throws {@link TrackingException} when the
     * server cannot be reached or refuses.
     */
    public static MlflowMirror connect(TrackingServer server, ResultStore store, SweepInfo sweep, int points) {
        if (points < 2 || points > RunContent.MAX_POINTS) {
            throw new IllegalArgumentException("points per metric must be 2 to " + RunContent.MAX_POINTS + ", got " + points);
        }
        MlflowClient client = server.client();
        try {
            String experimentId = call(server, "finding experiment " + sweep.name(), () -> experiment(client,
                    sweep.name()));
            List<Run> existing = call(server, "listing runs", () -> searchAll(client, experimentId, ""));
            String parentId = call(server, "finding the sweep run", () -> findOrCreate(client, experimentId,
                    existing, Tags.KIND_SWEEP, Tags.SWEEP, sweep.name(), () -> client.createRun(CreateRun.newBuilder()
                            .setExperimentId(experimentId).setRunName(sweep.name())
                            .setStartTime(System.currentTimeMillis())
                            .addTags(RunContent.tag(Tags.KIND, Tags.KIND_SWEEP))
                            .addTags(RunContent.tag(Tags.SWEEP, sweep.name())).build()).getRunId()));
            MlflowMirror mirror = new MlflowMirror(server, client, store, sweep, experimentId, parentId, points);
            for (Run run : existing) {
                mirror.index(run);
            }
            mirror.describeSweep();
            return mirror;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private void index(Run run) {
        String id = run.getInfo().getRunId();
        artifactRoots.put(id, run.getInfo().getArtifactUri());
        switch (kind(run)) {
            case Tags.KIND_RUN -> {
                String key = tag(run, Tags.RUN_KEY);
                (Tags.COMPLETE.equals(tag(run, Tags.LOGGED)) ? logged : partial).put(key, id);
            }
            case Tags.KIND_GROUP -> groups.put(tag(run, Tags.GROUP_KEY), id);
            default -> {
                // The sweep run itself, or runs gansweep did not create: left alone.
            }
        }
    }

    /** Tags on the parent run; set again by every process, so the latest shard and backend show. */
    private void describeSweep() {
        List<RunTag> tags = new ArrayList<>(List.of(RunContent.tag(Tags.KIND, Tags.KIND_SWEEP),
                RunContent.tag(Tags.SWEEP, sweep.name()), RunContent.tag(Tags.SPEC_HASH, sweep.specHash()),
                RunContent.tag("gansweep.shard", sweep.shard()),
                RunContent.tag("gansweep.varying", String.join(",", sweep.varyingKeys()))));
        if (!sweep.backend().isEmpty()) {
            tags.add(RunContent.tag("gansweep.backend", sweep.backend()));
            tags.add(RunContent.tag("gansweep.dtype", sweep.dtype()));
        }
        send(parentRunId, List.of(), List.of(), tags, "tagging the sweep run");
    }

    public String experimentId() {
        return experimentId;
    }

    public String parentRunId() {
        return parentRunId;
    }

    public String uri() {
        return server.uri();
    }

    public boolean isLogged(RunKey key) {
        return logged.containsKey(key.value());
    }

    /** Run keys logged completely, with their MLflow run ids. */
    public Map<String, String> loggedRuns() {
        return Map.copyOf(logged);
    }

    /**
     * Logs one stored run: a child run of the sweep with params, tags, metrics and the run's files as
     * artifacts, then marks it complete. Does nothing for a run already logged.
     */
    public void logRun(RunRecord run) {
        String key = run.key().value();
        if (logged.containsKey(key)) {
            return;
        }
        String stale = partial.remove(key);
        if (stale != null) {
            call(server, "deleting the cut-off run " + stale, () -> {
                client.deleteRun(stale);
                return null;
            });
        }
        String name = runName(run);
        List<RunTag> tags = RunContent.tags(run, sweep.name(), parentRunId, name);
        RunInfo info = call(server, "creating run " + key, () -> client.createRun(CreateRun.newBuilder()
                .setExperimentId(experimentId).setRunName(name).setStartTime(System.currentTimeMillis())
                .addTags(RunContent.tag(Tags.KIND, Tags.KIND_RUN)).addTags(RunContent.tag(Tags.RUN_KEY, key))
                .addTags(RunContent.tag(Tags.PARENT, parentRunId)).build()));
        String id = info.getRunId();
        partial.put(key, id);
        artifactRoots.put(id, info.getArtifactUri());
        List<Metric> metrics = RunContent.metrics(run, store.readTrajectory(run.key()), System.currentTimeMillis(),
                points);
        send(id, metrics, RunContent.params(run), tags, "logging run " + key);
        if (ArtifactUploader.supports(info.getArtifactUri())) {
            Path dir = store.runDirectory(run.key());
            for (Path file : store.runFiles(run.key())) {
                artifacts.upload(info.getArtifactUri(), dir.relativize(file).toString().replace('\\', '/'), file);
            }
        }
        call(server, "finishing run " + key, () -> {
            client.setTag(id, Tags.LOGGED, Tags.COMPLETE);
            client.setTerminated(id, RunStatus.FINISHED);
            return null;
        });
        partial.remove(key);
        logged.put(key, id);
    }

    /**
     * Logs each group's totals on its group run (created on first use) and the sweep's totals on the parent.
     * Metrics are logged at step = the number of runs counted, so their history shows the sweep filling up.
     */
    public void logTotals(List<GroupTotals> totals) {
        long now = System.currentTimeMillis();
        int complete = 0;
        int successes = 0;
        for (GroupTotals group : totals) {
            complete += group.runs();
            successes += group.successes();
            String id = groups.computeIfAbsent(group.groupKey(), key -> call(server, "finding group run " + key,
                    () -> findOrCreate(client, experimentId, List.of(), Tags.KIND_GROUP, Tags.GROUP_KEY, key,
                            () -> createGroupRun(group))));
            List<Metric> metrics = new ArrayList<>();
            long step = group.runs();
            metrics.add(RunContent.metric("n", group.runs(), now, step));
            metrics.add(RunContent.metric("successes", group.successes(), now, step));
            metrics.add(RunContent.metric("success_rate", group.successRate(), now, step));
            metrics.add(RunContent.metric("ci_low", group.ciLow(), now, step));
            metrics.add(RunContent.metric("ci_high", group.ciHigh(), now, step));
            group.medianStepsToConverge().ifPresent(m ->
                    metrics.add(RunContent.metric("median_steps_to_converge", m, now, step)));
            group.outcomes().forEach((label, count) ->
                    metrics.add(RunContent.metric("outcome_" + label, count, now, step)));
            send(id, metrics, List.of(), List.of(), "logging group " + group.groupKey());
        }
        List<Metric> sweepMetrics = List.of(RunContent.metric("runs_planned", sweep.plannedRuns(), now, complete),
                RunContent.metric("runs_complete", complete, now, complete),
                RunContent.metric("successes", successes, now, complete),
                RunContent.metric("success_rate", complete == 0 ? 0 : (double) successes / complete, now, complete),
                RunContent.metric("groups", totals.size(), now, complete));
        send(parentRunId, sweepMetrics, List.of(), List.of(), "logging the sweep totals");
    }

    private String createGroupRun(GroupTotals group) {
        String name = "group: " + group.label();
        String id = client.createRun(CreateRun.newBuilder()
                .setExperimentId(experimentId).setRunName(name).setStartTime(System.currentTimeMillis())
                .addTags(RunContent.tag(Tags.KIND, Tags.KIND_GROUP))
                .addTags(RunContent.tag(Tags.GROUP_KEY, group.groupKey()))
                .addTags(RunContent.tag(Tags.PARENT, parentRunId)).build()).getRunId();
        List<Param> params = new ArrayList<>();
        group.parameters().forEach((k, v) -> params.add(RunContent.param(k, String.valueOf(v))));
        send(id, List.of(), params, List.of(RunContent.tag(Tags.SWEEP, sweep.name())), "labelling group " + name);
        return id;
    }

    /**
     * Uploads files drawn after the runs were logged (pictures, report.html): {@code sweepFiles} (paths
     * relative to the sweep folder) to the sweep run, and each logged run's {@code runFiles} (relative to its
     * run folder) to that run. Re-uploading a file replaces it.
     */
    public void logPictures(List<String> sweepFiles, Map<RunKey, List<String>> runFiles) {
        String parentRoot = artifactRoot(parentRunId);
        if (ArtifactUploader.supports(parentRoot)) {
            for (String name : sweepFiles) {
                artifacts.upload(parentRoot, name, store.sweepDir().resolve(name));
            }
        }
        runFiles.forEach((key, names) -> {
            String id = logged.get(key.value());
            if (id == null) {
                return;
            }
            String root = artifactRoot(id);
            if (ArtifactUploader.supports(root)) {
                for (String name : names) {
                    artifacts.upload(root, name, store.runDirectory(key).resolve(name));
                }
            }
        });
    }

    private String artifactRoot(String runId) {
        return artifactRoots.computeIfAbsent(runId, id -> call(server, "reading run " + id,
                () -> client.getRun(id).getInfo().getArtifactUri()));
    }

    /** "noise_samples=4 weight_noise=1.5 seed=3": what varies in the sweep, then the seed. */
    private String runName(RunRecord run) {
        Map<String, Object> varying = new java.util.TreeMap<>();
        for (String key : sweep.varyingKeys()) {
            if (run.config().values().containsKey(key)) {
                varying.put(key, run.config().values().get(key));
            }
        }
        String prefix = varying.isEmpty() ? "" : RunContent.describe(varying) + " ";
        return prefix + "seed=" + run.seed();
    }

    private void send(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags, String what) {
        for (LogBatches.Batch batch : LogBatches.split(metrics, params, tags)) {
            call(server, what, () -> {
                client.logBatch(runId, batch.metrics(), batch.params(), batch.tags());
                return null;
            });
        }
    }

    /**
     * The experiment named after the sweep, created if missing. A search, not getExperimentByName: that
     * answers 404 for a new name, which the client retries three times. If another shard creates it at the
     * same moment, our create fails and the search finds theirs.
     */
    private static String experiment(MlflowClient client, String name) {
        Supplier<Optional<String>> find = () -> client.searchExperiments("name = '" + name + "'").getItems().stream()
                .findFirst().map(e -> e.getExperimentId());
        return find.get().orElseGet(() -> {
            try {
                return client.createExperiment(name);
            } catch (RuntimeException e) {
                return find.get().orElseThrow(() -> e);
            }
        });
    }

    /**
     * The one run of this kind with this tag value: an existing one, else a new one. Shards starting together
     * may both create one; each then re-reads the runs, keeps the oldest (start time, then id) and deletes its
     * own if it lost, so one survives.
     */
    private static String findOrCreate(MlflowClient client, String experimentId, List<Run> known, String kind,
                                       String tagName, String tagValue, Supplier<String> create) {
        java.util.function.Function<List<Run>, Optional<Run>> oldest = runs -> runs.stream()
                .filter(r -> kind(r).equals(kind) && tag(r, tagName).equals(tagValue))
                .min(java.util.Comparator.comparingLong((Run r) -> r.getInfo().getStartTime())
                        .thenComparing(r -> r.getInfo().getRunId()));
        String filter = "tags.`" + Tags.KIND + "` = '" + kind + "' and tags.`" + tagName + "` = '" + tagValue + "'";
        Optional<Run> found = oldest.apply(known).or(() -> oldest.apply(searchAll(client, experimentId, filter)));
        if (found.isPresent()) {
            return found.get().getInfo().getRunId();
        }
        String mine = create.get();
        String winner = oldest.apply(searchAll(client, experimentId, filter)).map(r -> r.getInfo().getRunId())
                .orElse(mine);
        if (!winner.equals(mine)) {
            client.deleteRun(mine);
        }
        return winner;
    }

    private static List<Run> searchAll(MlflowClient client, String experimentId, String filter) {
        List<Run> runs = new ArrayList<>();
        Page<Run> page = client.searchRuns(List.of(experimentId), filter, ViewType.ACTIVE_ONLY, SEARCH_PAGE);
        while (true) {
            page.getItems().forEach(runs::add);
            if (!page.hasNextPage()) {
                return runs;
            }
            page = page.getNextPage();
        }
    }

    private static String kind(Run run) {
        return tag(run, Tags.KIND);
    }

    private static String tag(Run run, String name) {
        for (RunTag tag : run.getData().getTagsList()) {
            if (tag.getKey().equals(name)) {
                return tag.getValue();
            }
        }
        return "";
    }

    /** Runs one server call; any failure becomes a one-line {@link TrackingException}. */
    static <T> T call(TrackingServer server, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (TrackingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrackingException("MLflow at " + server.uri() + ": " + what + ": " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = IoErrors.bareReason(root);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    @Override
    public void close() {
        client.close();
    }
}
