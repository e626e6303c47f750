package org.gansweep.picture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Trajectory;

/**
 * One group's runs over training: for each chosen quantity, the median across seeds with the interquartile
 * band, every seed drawn faintly behind. Runs of a group share their log steps, so quantiles are taken row
 * by row (over the seeds that have a finite value there). Drawn by {@link PanelChart}, as a run's
 * trajectory.png is: through JFreeChart, whose layout and Java2D's antialiasing rasterizer every short-lived
 * gansweep compiles anew, a fresh process took half as long again for point-tricks' 11 bands.
 */
final class TrajectoryBands {
    static final int WIDTH = 800;
    static final int PANEL_HEIGHT = 200;

    private TrajectoryBands() {
    }

    static void write(List<Trajectory> seeds, List<String> columns, Map<String, Double> targets, String title,
                      Path file) {
        Charts.write(file, PngWriter.encode(draw(seeds, columns, targets, title)));
    }

    static PaletteImage draw(List<Trajectory> seeds, List<String> columns, Map<String, Double> targets,
                             String title) {
        List<PanelChart.Panel> panels = new ArrayList<>();
        for (String column : columns) {
            panels.add(panel(seeds, column, targets.get(column)));
        }
        return PanelChart.draw(title, "step", panels, WIDTH, PANEL_HEIGHT);
    }

    private static PanelChart.Panel panel(List<Trajectory> seeds, String column, Double target) {
        List<PanelChart.Series> faint = new ArrayList<>();
        for (Trajectory t : seeds) {
            int c = t.column(column);
            faint.add(new PanelChart.Series(t.rows().stream().mapToDouble(r -> r[0]).toArray(),
                    t.rows().stream().mapToDouble(r -> r[c]).toArray()));
        }
        // Rows where no seed has a value are left out, so the median and the band run across them.
        int rows = seeds.stream().mapToInt(Trajectory::size).min().orElse(0);
        double[] steps = new double[rows];
        double[] medians = new double[rows];
        double[] lows = new double[rows];
        double[] highs = new double[rows];
        int kept = 0;
        for (int row = 0; row < rows; row++) {
            int index = row;
            double[] values = seeds.stream().mapToDouble(t -> t.rows().get(index)[t.column(column)])
                    .filter(Double::isFinite).sorted().toArray();
            if (values.length > 0) {
                steps[kept] = seeds.get(0).rows().get(row)[0];
                medians[kept] = quantile(values, 0.5);
                lows[kept] = quantile(values, 0.25);
                highs[kept] = quantile(values, 0.75);
                kept++;
            }
        }
        return new PanelChart.Panel(column, Arrays.copyOf(steps, kept),
                Arrays.copyOf(medians, kept), target == null ? Double.NaN : target, faint,
                new PanelChart.Band(Arrays.copyOf(lows, kept), Arrays.copyOf(highs, kept)));
    }

    /** Linear interpolation between order statistics (sorted input). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
