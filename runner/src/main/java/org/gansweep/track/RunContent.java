package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.Trajectory;
import org.gansweep.record.Provenance;
import org.gansweep.record.RunRecord;

/**
 * What one seed run looks like in MLflow: its identity and provenance as the tags it is created with, every
 * resolved config value (and the seed) as a param, its final values as {@code final.<name>} tags, and its
 * trajectory at a stride as metrics (step = training step) with {@code success} and the steps to converge or
 * diverge. Params, final tags and metrics are sized to go in one log-batch request. Pure: the same record
 * gives the same content.
 */
public final class RunContent {
    /**
     * Default points per metric series. The UI plots ~320; each point is a row the server inserts (about
     * 0.15 ms each on SQLite), so the full-resolution curve goes in trajectory.csv and MLflow gets a sketch.
     */
    public static final int DEFAULT_POINTS = 100;
    /** The most points per series gansweep logs: one logBatch's worth. */
    public static final int MAX_POINTS = 1000;

    private RunContent() {
    }

    public static List<KeyValue> params(RunRecord run) {
        List<KeyValue> params = new ArrayList<>();
        run.config().values().forEach((name, value) -> params.add(new KeyValue(name, String.valueOf(value))));
        params.add(new KeyValue("seed", Long.toString(run.seed())));
        params.add(new KeyValue("experiment", run.experiment()));
        return params;
    }

    /** The tags a seed run is created with, under its group run. */
    public static List<KeyValue> tags(RunRecord run, String sweep, String groupRunId) {
        Provenance p = run.provenance();
        return List.of(new KeyValue(Tags.PARENT, groupRunId), new KeyValue(Tags.KIND, Tags.KIND_RUN),
                new KeyValue(Tags.SWEEP, sweep), new KeyValue(Tags.RUN_KEY, run.key().value()),
                new KeyValue(Tags.GROUP_KEY, run.group().value()),
                new KeyValue("gansweep.outcome", run.outcome().label()),
                new KeyValue("gansweep.success", Boolean.toString(run.success())),
                new KeyValue("gansweep.backend", p.backend()), new KeyValue("gansweep.dtype", p.dtype()),
                new KeyValue("gansweep.device", p.device()), new KeyValue("gansweep.version", p.gansweepVersion()),
                new KeyValue("gansweep.git_commit", p.gitCommit()));
    }

    /** {@code final.<name>} tags of the run's finite final values. */
    public static List<KeyValue> finals(RunRecord run) {
        List<KeyValue> finals = new ArrayList<>();
        run.finalMetrics().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                finals.add(new KeyValue(Tags.FINAL_PREFIX + name, Double.toString(value)));
            }
        });
        return finals;
    }

    /**
     * {@code success}, {@code steps_to_converge} / {@code diverged_at_step} where known, and the trajectory's
     * columns at a stride of at most {@code points} rows, fewer where that many would not fit in {@code room}
     * items (what one log-batch has left beside the params and tags). Non-finite points (a loss before the
     * first step, a diverged value) are left out: the outcome tag says why.
     */
    public static List<MetricPoint> metrics(RunRecord run, Trajectory trajectory, long timestamp, int points,
                                            int room) {
        List<MetricPoint> metrics = new ArrayList<>();
        long end = run.steps();
        metrics.add(new MetricPoint("success", run.success() ? 1 : 0, timestamp, end));
        run.stepsToConverge().ifPresent(s -> metrics.add(new MetricPoint("steps_to_converge", s, timestamp, end)));
        run.divergedAtStep().ifPresent(s -> metrics.add(new MetricPoint("diverged_at_step", s, timestamp, end)));
        int series = trajectory.columns().size() - 1;
        if (series <= 0) {
            return metrics;
        }
        int fitting = Math.max(2, Math.min(points, (room - metrics.size()) / series));
        List<Integer> rows = MetricStride.rows(trajectory.size(), fitting);
        for (int column = 1; column <= series; column++) {
            String name = trajectory.columns().get(column);
            for (int row : rows) {
                double[] values = trajectory.rows().get(row);
                if (Double.isFinite(values[column])) {
                    metrics.add(new MetricPoint(name, values[column], timestamp, (long) values[0]));
                }
            }
        }
        return metrics;
    }
}
