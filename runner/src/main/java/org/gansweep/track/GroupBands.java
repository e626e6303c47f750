package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.engine.Trajectory;

/**
 * What a group's seeds did over training, as metrics of its group run: for each headline column, the median
 * and the 25% and 75% quantiles across seeds at each logged step ({@code w/median}, {@code w/p25},
 * {@code w/p75}), so the group run's charts show the trick's effect. Seeds are matched by step; a seed that
 * stopped early (diverged) or has no finite value at a step is left out there. Quantiles interpolate
 * linearly between order statistics, as the sweep's band pictures do.
 */
final class GroupBands {
    static final String MEDIAN = "median";
    static final String P25 = "p25";
    static final String P75 = "p75";

    private GroupBands() {
    }

    /**
     * The band points of {@code columns} (those the trajectories have; the first two data columns when none is
     * named), at most {@code points} steps per series.
     */
    static List<MetricPoint> of(List<Trajectory> seeds, List<String> columns, int points, long timestamp) {
        List<MetricPoint> bands = new ArrayList<>();
        if (seeds.isEmpty()) {
            return bands;
        }
        for (String column : present(seeds.get(0), columns)) {
            TreeMap<Long, List<Double>> byStep = new TreeMap<>();
            for (Trajectory seed : seeds) {
                if (!seed.columns().contains(column)) {
                    continue;
                }
                int c = seed.column(column);
                for (double[] row : seed.rows()) {
                    if (Double.isFinite(row[c])) {
                        byStep.computeIfAbsent((long) row[0], s -> new ArrayList<>()).add(row[c]);
                    }
                }
            }
            List<Map.Entry<Long, List<Double>>> steps = new ArrayList<>(byStep.entrySet());
            for (int index : MetricStride.rows(steps.size(), points)) {
                long step = steps.get(index).getKey();
                double[] sorted = steps.get(index).getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                bands.add(new MetricPoint(column + "/" + MEDIAN, quantile(sorted, 0.5), timestamp, step));
                bands.add(new MetricPoint(column + "/" + P25, quantile(sorted, 0.25), timestamp, step));
                bands.add(new MetricPoint(column + "/" + P75, quantile(sorted, 0.75), timestamp, step));
            }
        }
        return bands;
    }

    private static List<String> present(Trajectory sample, List<String> columns) {
        List<String> data = sample.columns().subList(1, sample.columns().size());
        if (columns.isEmpty()) {
            return data.subList(0, Math.min(2, data.size()));
        }
        return columns.stream().filter(data::contains).toList();
    }

    /** The p-quantile of sorted values, interpolating between the two nearest order statistics. */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
