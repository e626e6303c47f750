package org.gansweep.picture;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Dev Nag's GAN: the target density N(data_mean, data_std^2) against the normal density with G's measured
 * mean and std at the frame's epoch. The trajectory keeps G's first two moments, not its samples, so this
 * is the moment-matched normal of G's output, labelled as such.
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
    public Optional<BufferedImage> frame(Trajectory trajectory, int row, ResolvedConfig config, int width, int height) {
        double[] v = trajectory.rows().get(row);
        double mean = v[trajectory.column("mean")];
        double std = v[trajectory.column("std")];
        double targetMean = config.real("data_mean");
        double targetStd = config.real("data_std");
        double low = targetMean - 4 * targetStd;
        double high = targetMean + 4 * targetStd;
        XYSeries target = new XYSeries("target N(" + targetMean + ", " + targetStd + "^2)");
        XYSeries generated = new XYSeries("G: normal with its mean and std");
        double peak = density(targetMean, targetMean, targetStd);
        for (int i = 0; i < SAMPLES; i++) {
            double x = low + (high - low) * i / (SAMPLES - 1);
            target.add(x, density(x, targetMean, targetStd));
            // A collapsed G is a spike: cap it so the target stays readable.
            generated.add(x, Math.min(3 * peak, density(x, mean, Math.max(std, 1e-6))));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(target);
        data.addSeries(generated);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Charts.TARGET);
        renderer.setSeriesPaint(1, Charts.INK);
        NumberAxis x = new NumberAxis("x");
        x.setRange(low, high);
        NumberAxis y = new NumberAxis("density");
        y.setRange(0, 3 * peak * 1.02);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = String.format(Locale.ROOT, "epoch %d   mean %.3f   std %.3f", (long) v[0], mean, std);
        return Optional.of(Charts.image(Charts.chart(title, plot, true), width, height));
    }

    private static double density(double x, double mean, double std) {
        double z = (x - mean) / std;
        return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
    }
}
