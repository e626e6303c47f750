package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.StoreException;

/**
 * A sweep's group runs, under its sweep run: found by their group key or made on first use (with the group's
 * values as params), then given the group's totals and bands, and ended. Thread-safe.
 */
final class GroupRuns {
    private final MlflowApi api;
    private final ResultStore store;
    private final SweepInfo sweep;
    private final String experimentId;
    private final String sweepRunId;
    private final RunNames names;
    private final int points;
    /** group key -> its group run. */
    private final Map<String, MlflowApi.Found> runs = new ConcurrentHashMap<>();

    GroupRuns(MlflowApi api, ResultStore store, SweepInfo sweep, String experimentId, String sweepRunId,
              RunNames names, int points) {
        this.api = api;
        this.store = store;
        this.sweep = sweep;
        this.experimentId = experimentId;
        this.sweepRunId = sweepRunId;
        this.names = names;
        this.points = points;
    }

    /** A group run the listing found; of two for one group (a race of the first layout), the oldest. */
    void known(MlflowApi.Found run) {
        runs.merge(run.tag(Tags.GROUP_KEY), run, (a, b) -> a.startTime() <= b.startTime() ? a : b);
    }

    /** The group's run, found or made; {@code parameters} are the group's varying values. */
    MlflowApi.Found run(String groupKey, Map<String, Object> parameters) {
        return runs.computeIfAbsent(groupKey, key -> {
            String name = names.group(parameters);
            RunTree.Placed placed = RunTree.findOrCreate(api, experimentId, List.of(), Tags.KIND_GROUP,
                    Tags.GROUP_KEY, key, () -> api.createRun(experimentId, name, System.currentTimeMillis(),
                            List.of(new KeyValue(Tags.PARENT, sweepRunId), new KeyValue(Tags.KIND, Tags.KIND_GROUP),
                                    new KeyValue(Tags.GROUP_KEY, key), new KeyValue(Tags.SWEEP, sweep.name()))));
            if (placed.created()) {
                List<KeyValue> params = new ArrayList<>();
                parameters.forEach((k, v) -> params.add(new KeyValue(k, String.valueOf(v))));
                MlflowMirror.send(api, placed.run().id(), List.of(), params, List.of(), "labelling group " + name);
            }
            return placed.run();
        });
    }

    /**
     * Logs the group's totals, and its bands once the group is complete (all its planned seeds stored) and
     * they are not there yet; then ends the group run FINISHED under its current name, which it returns.
     */
    String logTotals(GroupTotals group, long timestamp) {
        MlflowApi.Found run = run(group.groupKey(), group.parameters());
        String name = names.group(group.parameters());
        List<MetricPoint> metrics = new ArrayList<>(group.metrics(timestamp));
        boolean whole = group.runs() >= sweep.groupSizes().getOrDefault(group.groupKey(), Integer.MAX_VALUE);
        if (whole && run.metricKeys().stream().noneMatch(k -> k.endsWith("/" + GroupBands.MEDIAN))) {
            metrics.addAll(GroupBands.of(readable(group.members()), sweep.headlineColumns(), points, timestamp));
        }
        MlflowMirror.send(api, run.id(), metrics, List.of(), group.tags(), "logging group " + name);
        api.finish(run.id(), name, System.currentTimeMillis());
        return name;
    }

    /** The members' trajectories; one that no longer reads (damaged since) is left out of the bands. */
    private List<Trajectory> readable(List<RunKey> members) {
        List<Trajectory> trajectories = new ArrayList<>();
        for (RunKey key : members) {
            try {
                trajectories.add(store.readTrajectory(key));
            } catch (StoreException e) {
                // sync says which runs it skipped and why; the band simply has one seed fewer.
            }
        }
        return trajectories;
    }
}
