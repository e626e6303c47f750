package org.gansweep.engine;

import java.util.List;

/**
 * The logged quantities of one run over training. Column 0 is always {@code step}; each row is one log
 * point. Rows are copied on construction and never change. Immutable.
 */
public record Trajectory(List<String> columns, List<double[]> rows) {
    public Trajectory {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(0).equals("step")) {
            throw new IllegalArgumentException("trajectory column 0 must be step, got " + columns);
        }
        rows = rows.stream().map(double[]::clone).toList();
        for (double[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row of " + row.length + " values for " + columns.size() + " columns");
            }
        }
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("trajectory has no column " + name + "; it has " + columns);
        }
        return index;
    }

    public double[] row(int index) {
        return rows.get(index).clone();
    }

    public int size() {
        return rows.size();
    }
}
