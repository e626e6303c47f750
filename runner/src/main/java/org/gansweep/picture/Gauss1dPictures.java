package org.gansweep.picture;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Dev Nag's GAN: at each frame's epoch, the histogram of G's outputs on its eval draws (histogram.csv, as a
 * density) against the target density N(data_mean, data_std^2). A results folder written before runs kept a
 * histogram falls back to the normal with G's measured mean and std, labelled as such.
 */
final class Gauss1dPictures implements ExperimentPictures {
    private static final int SAMPLES = 200;

    @Override
    public Map<String, Double> targets(ResolvedConfig config) {
        return Map.of("mean", config.real("data_mean"), "std", config.real("data_std"));
    }

    @Override
    public List<String> bandColumns(Trajectory trajectory) {
        return List.of("mean", "std");
    }

    @Override
    public Optional<BufferedImage> frame(Trajectory trajectory, Optional<Trajectory> histogram, int row,
                                         ResolvedConfig config, int width, int height) {
        double step = trajectory.rows().get(row)[0];
        for (double[] counts : histogram.map(Trajectory::rows).orElse(List.of())) {
            if (counts[0] == step) {
                return Optional.of(histogramFrame(trajectory, row, histogram.get().columns(), counts, config, width,
                        height));
            }
        }
        return frame(trajectory, row, config, width, height);
    }

    /** Bars: each bin's count / (draws x bin width), so they compare with the target density directly. */
    private static BufferedImage histogramFrame(Trajectory trajectory, int row, List<String> columns, double[] counts,
                                                ResolvedConfig config, int width, int height) {
        double targetMean = config.real("data_mean");
        double targetStd = config.real("data_std");
        double peak = density(targetMean, targetMean, targetStd);
        int bins = columns.size() - 3; // step, below, the bins, above
        double first = Double.parseDouble(columns.get(2));
        double last = Double.parseDouble(columns.get(bins + 1));
        double binWidth = (last - first) / (bins - 1);
        double draws = 0;
        for (int c = 1; c < counts.length; c++) {
            draws += counts[c];
        }
        XYSeries bars = new XYSeries("G's outputs (" + (long) draws + " draws)");
        for (int b = 0; b < bins; b++) {
            // A collapsed G is one tall bin: cap it so the target stays readable.
            bars.add(first + b * binWidth, Math.min(3 * peak, counts[2 + b] / (draws * binWidth)));
        }
        XYSeriesCollection barData = new XYSeriesCollection(bars);
        barData.setIntervalWidth(binWidth);
        XYBarRenderer barRenderer = new XYBarRenderer(0.05);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, Charts.INK);
        double low = first - binWidth / 2;
        double high = last + binWidth / 2;
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, Charts.TARGET);
        XYPlot plot = new XYPlot(barData, axis("x", low, high), axis("density", 0, 3 * peak * 1.02), barRenderer);
        plot.setDataset(1, new XYSeriesCollection(target(targetMean, targetStd, low, high)));
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        double[] v = trajectory.rows().get(row);
        double outside = counts[1] + counts[counts.length - 1];
        String title = String.format(Locale.ROOT, "epoch %d   mean %.3f   std %.3f", (long) v[0],
                v[trajectory.column("mean")], v[trajectory.column("std")])
                + (outside > 0 ? String.format(Locale.ROOT, "   %.1f%% outside the axis", 100 * outside / draws) : "");
        return Charts.image(Charts.chart(title, plot, true), width, height);
    }

    @Override
    public Optional<BufferedImage> frame(Trajectory trajectory, int row, ResolvedConfig config, int width, int height) {
        double[] v = trajectory.rows().get(row);
        double mean = v[trajectory.column("mean")];
        double std = v[trajectory.column("std")];
        double targetMean = config.real("data_mean");
        double targetStd = config.real("data_std");
        double low = targetMean - 4 * targetStd;
        double high = targetMean + 4 * targetStd;
        XYSeries generated = new XYSeries("G: normal with its mean and std");
        double peak = density(targetMean, targetMean, targetStd);
        for (int i = 0; i < SAMPLES; i++) {
            double x = low + (high - low) * i / (SAMPLES - 1);
            // A collapsed G is a spike: cap it so the target stays readable.
            generated.add(x, Math.min(3 * peak, density(x, mean, Math.max(std, 1e-6))));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(target(targetMean, targetStd, low, high));
        data.addSeries(generated);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Charts.TARGET);
        renderer.setSeriesPaint(1, Charts.INK);
        XYPlot plot = new XYPlot(data, axis("x", low, high), axis("density", 0, 3 * peak * 1.02), renderer);
        String title = String.format(Locale.ROOT, "epoch %d   mean %.3f   std %.3f", (long) v[0], mean, std);
        return Optional.of(Charts.image(Charts.chart(title, plot, true), width, height));
    }

    /** The target density N(mean, std^2) over [low, high], as the line every frame draws. */
    private static XYSeries target(double mean, double std, double low, double high) {
        XYSeries target = new XYSeries("target N(" + mean + ", " + std + "^2)");
        for (int i = 0; i < SAMPLES; i++) {
            double x = low + (high - low) * i / (SAMPLES - 1);
            target.add(x, density(x, mean, std));
        }
        return target;
    }

    private static NumberAxis axis(String label, double low, double high) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(low, high);
        return axis;
    }

    private static double density(double x, double mean, double std) {
        double z = (x - mean) / std;
        return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
    }
}
