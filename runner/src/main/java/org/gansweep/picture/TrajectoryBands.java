package org.gansweep.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Trajectory;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One group's runs over training: for each chosen quantity, the median across seeds with the interquartile
 * band, every seed drawn faintly behind. Runs of a group share their log steps, so quantiles are taken row
 * by row (over the seeds that have a finite value there).
 */
final class TrajectoryBands {
    static final int WIDTH = 800;
    static final int PANEL_HEIGHT = 200;

    private TrajectoryBands() {
    }

    static void write(List<Trajectory> seeds, List<String> columns, Map<String, Double> targets, String title,
                      Path file) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("step"));
        for (String column : columns) {
            combined.add(panel(seeds, column, targets.get(column)), 1);
        }
        combined.getDomainAxis().setTickLabelFont(Charts.SMALL);
        Charts.writePng(Charts.chart(title, combined, false), WIDTH, 60 + PANEL_HEIGHT * columns.size(), file);
    }

    private static XYPlot panel(List<Trajectory> seeds, String column, Double target) {
        XYSeriesCollection faint = new XYSeriesCollection();
        XYLineAndShapeRenderer faintRenderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < seeds.size(); s++) {
            Trajectory t = seeds.get(s);
            int c = t.column(column);
            XYSeries series = new XYSeries("seed " + s, false);
            t.rows().stream().filter(r -> Double.isFinite(r[c])).forEach(r -> series.add(r[0], r[c]));
            faint.addSeries(series);
            faintRenderer.setSeriesPaint(s, new Color(120, 120, 120, 45));
            faintRenderer.setSeriesStroke(s, new BasicStroke(0.8f));
        }
        YIntervalSeries band = new YIntervalSeries("median, interquartile");
        int rows = seeds.stream().mapToInt(Trajectory::size).min().orElse(0);
        for (int row = 0; row < rows; row++) {
            int index = row;
            double[] values = seeds.stream().mapToDouble(t -> t.rows().get(index)[t.column(column)])
                    .filter(Double::isFinite).sorted().toArray();
            if (values.length > 0) {
                band.add(seeds.get(0).rows().get(row)[0], quantile(values, 0.5), quantile(values, 0.25),
                        quantile(values, 0.75));
            }
        }
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, Charts.INK);
        bandRenderer.setSeriesFillPaint(0, new Color(31, 119, 180));
        bandRenderer.setAlpha(0.3f);
        bandRenderer.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis axis = new NumberAxis(column);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(bandData, null, axis, bandRenderer);
        plot.setDataset(1, faint);
        plot.setRenderer(1, faintRenderer);
        Charts.style(plot);
        if (target != null) {
            plot.addRangeMarker(Charts.target(target));
        }
        return plot;
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
