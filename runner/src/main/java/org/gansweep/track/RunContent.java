package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.Trajectory;
import org.gansweep.record.Provenance;
import org.gansweep.record.RunRecord;

/**
 * What one seed run looks like in MLflow: its identity and provenance as the tags it is created with, every
 * resolved config value (and the seed) as a param, its final values as {@code final.<name>} tags, and its
 * trajectory (or its headline columns and losses) at a stride as metrics (step = training step) with {@code success} and the steps to converge or
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

    /** A trajectory of at most this many quantities goes to MLflow whole; a longer one in part. */
    static final int ALL_COLUMNS_UP_TO = 6;

    /**
     * The trajectory columns a seed run logs as metrics: all of them when there are at most
     * {@link #ALL_COLUMNS_UP_TO}, else the experiment's headline columns (those its group bands show) and the
     * losses. Each point costs the server a quarter of a millisecond (measured: a log-batch of 910 points
     * took 248 ms, one of a single point 15 ms), so point's 13 columns made MLflow, not training, the slow part
     * of every tracked sweep; D's parameters stay in trajectory.csv, uploaded with the run, and in its pictures.
     */
    public static List<String> loggedColumns(List<String> columns, List<String> headline) {
        List<String> quantities = columns.subList(Math.min(1, columns.size()), columns.size());
        if (quantities.size() <= ALL_COLUMNS_UP_TO) {
            return List.copyOf(quantities);
        }
        return quantities.stream().filter(c -> headline.contains(c) || c.startsWith("loss")).toList();
    }

    /**
     * {@code success}, {@code steps_to_converge} / {@code diverged_at_step} where known, and the trajectory's
     * {@link #loggedColumns} at a stride of at most {@code points} rows, fewer where that many would not fit
     * in {@code room} items (what one log-batch has left beside the params and tags). Non-finite points (a
     * loss before the first step, a diverged value) are left out: the outcome tag says why.
     */
    public static List<MetricPoint> metrics(RunRecord run, Trajectory trajectory, List<String> headline,
                                            long timestamp, int points, int room) {
        List<MetricPoint> metrics = new ArrayList<>();
        long end = run.steps();
        metrics.add(new MetricPoint("success", run.success() ? 1 : 0, timestamp, end));
        run.stepsToConverge().ifPresent(s -> metrics.add(new MetricPoint("steps_to_converge", s, timestamp, end)));
        run.divergedAtStep().ifPresent(s -> metrics.add(new MetricPoint("diverged_at_step", s, timestamp, end)));
        List<String> columns = loggedColumns(trajectory.columns(), headline);
        if (columns.isEmpty()) {
            return metrics;
        }
        int fitting = Math.max(2, Math.min(points, (room - metrics.size()) / columns.size()));
        List<Integer> rows = MetricStride.rows(trajectory.size(), fitting);
        for (String name : columns) {
            int column = trajectory.column(name);
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
