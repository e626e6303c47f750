package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link RunResult} records, as comparable lines: outcome, steps to converge, the divergence
 * step, every final metric and every trajectory and histogram row, each double by its bits
 * ({@link Double#doubleToLongBits}: -0.0 differs from 0.0, every NaN is one NaN). Two results of one run are
 * bitwise the same exactly when their lines are equal.
 */
final class RunResultBits {
    private RunResultBits() {
    }

    static List<String> lines(RunResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("outcome " + result.outcome());
        lines.add("steps_to_converge " + result.stepsToConverge());
        lines.add("steps " + result.steps());
        lines.add("diverged_at " + result.divergedAtStep());
        for (Map.Entry<String, Double> metric : result.finalMetrics().entrySet()) {
            lines.add("final " + metric.getKey() + " " + bits(metric.getValue()));
        }
        addRows(lines, "trajectory", result.trajectory());
        lines.add("histogram " + result.histogram().isPresent());
        result.histogram().ifPresent(histogram -> addRows(lines, "histogram", histogram));
        return lines;
    }

    private static void addRows(List<String> lines, String name, Trajectory trajectory) {
        lines.add(name + " columns " + trajectory.columns() + ", " + trajectory.size() + " rows");
        for (int row = 0; row < trajectory.size(); row++) {
            double[] values = trajectory.rows().get(row);
            for (int column = 0; column < values.length; column++) {
                lines.add(name + " row " + row + " " + trajectory.columns().get(column) + " " + bits(values[column]));
            }
        }
    }

    private static String bits(double value) {
        return value + " [" + Long.toHexString(Double.doubleToLongBits(value)) + "]";
    }

    static boolean same(RunResult a, RunResult b) {
        return lines(a).equals(lines(b));
    }

    /** Fails with the first line where the two results differ. */
    static void assertSame(RunResult expected, RunResult actual, String what) {
        if (!expected.run().equals(actual.run())) {
            fail(what + ": results of different runs, " + expected.run().key() + " and " + actual.run().key());
        }
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                fail(what + ": alone " + a.get(i) + ", batched " + b.get(i));
            }
        }
        if (a.size() != b.size()) {
            fail(what + ": alone has " + a.size() + " lines, batched " + b.size());
        }
    }
}
