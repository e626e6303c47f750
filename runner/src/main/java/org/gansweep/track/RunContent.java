package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gansweep.engine.Trajectory;
import org.gansweep.record.Provenance;
import org.gansweep.record.RunRecord;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/**
 * What one gansweep run looks like in MLflow: every resolved config value (and the seed) as a param, its
 * identity, outcome and provenance as tags, its trajectory at a stride as metrics (step = training step),
 * and its final values under {@code final/}. Pure: the same record gives the same content.
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

    public static List<Param> params(RunRecord run) {
        List<Param> params = new ArrayList<>();
        run.config().values().forEach((name, value) -> params.add(param(name, String.valueOf(value))));
        params.add(param("seed", Long.toString(run.seed())));
        params.add(param("experiment", run.experiment()));
        return params;
    }

    public static List<RunTag> tags(RunRecord run, String sweep, String parentRunId, String runName) {
        Provenance p = run.provenance();
        List<RunTag> tags = new ArrayList<>(List.of(
                tag(Tags.PARENT, parentRunId), tag(Tags.RUN_NAME, runName), tag(Tags.KIND, Tags.KIND_RUN),
                tag(Tags.SWEEP, sweep), tag(Tags.RUN_KEY, run.key().value()), tag(Tags.GROUP_KEY, run.group().value()),
                tag("gansweep.outcome", run.outcome().label()), tag("gansweep.success", Boolean.toString(run.success())),
                tag("gansweep.backend", p.backend()), tag("gansweep.dtype", p.dtype()), tag("gansweep.device", p.device()),
                tag("gansweep.version", p.gansweepVersion()), tag("gansweep.git_commit", p.gitCommit())));
        return tags;
    }

    /**
     * The trajectory's columns at a stride of at most {@code points} rows, then {@code success},
     * {@code steps_to_converge} / {@code diverged_at_step} where known, and {@code final/<name>}. Non-finite
     * points (a loss before the first step, a diverged value) are left out: the outcome tag says why.
     */
    public static List<Metric> metrics(RunRecord run, Trajectory trajectory, long timestamp, int points) {
        List<Metric> metrics = new ArrayList<>();
        List<Integer> rows = MetricStride.rows(trajectory.size(), points);
        for (int column = 1; column < trajectory.columns().size(); column++) {
            String name = trajectory.columns().get(column);
            for (int row : rows) {
                double[] values = trajectory.rows().get(row);
                if (Double.isFinite(values[column])) {
                    metrics.add(metric(name, values[column], timestamp, (long) values[0]));
                }
            }
        }
        long end = run.steps();
        metrics.add(metric("success", run.success() ? 1 : 0, timestamp, end));
        run.stepsToConverge().ifPresent(s -> metrics.add(metric("steps_to_converge", s, timestamp, end)));
        run.divergedAtStep().ifPresent(s -> metrics.add(metric("diverged_at_step", s, timestamp, end)));
        run.finalMetrics().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                metrics.add(metric("final/" + name, value, timestamp, end));
            }
        });
        return metrics;
    }

    /** "noise_samples=4 weight_noise=1.5" for the given values, or "all runs" when there are none. */
    public static String describe(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "all runs";
        }
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    static Param param(String key, String value) {
        return Param.newBuilder().setKey(key).setValue(value).build();
    }

    static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }

    static Metric metric(String key, double value, long timestamp, long step) {
        return Metric.newBuilder().setKey(key).setValue(value).setTimestamp(timestamp).setStep(step).build();
    }
}
