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
 * The Dirac-GAN's phase portrait: the path of (theta, psi) up to the frame's step, in a fixed square around
 * the equilibrium (0, 0). Spirals out, orbits or converges, as in the paper's figure.
 */
final class DiracPictures implements ExperimentPictures {
    @Override
    public Map<String, Double> targets(ResolvedConfig config) {
        return Map.of("theta", 0.0, "psi", 0.0, "r", 0.0);
    }

    @Override
    public List<String> bandColumns(Trajectory trajectory) {
        return List.of("r");
    }

    @Override
    public Optional<BufferedImage> frame(Trajectory trajectory, int row, ResolvedConfig config, int width, int height) {
        int theta = trajectory.column("theta");
        int psi = trajectory.column("psi");
        double extent = 1.5;
        for (double[] v : trajectory.rows()) {
            if (Double.isFinite(v[theta]) && Double.isFinite(v[psi])) {
                extent = Math.max(extent, Math.max(Math.abs(v[theta]), Math.abs(v[psi])) * 1.1);
            }
        }
        extent = Math.min(extent, 100);
        XYSeries path = new XYSeries("(theta, psi)", false);
        for (int i = 0; i <= row; i++) {
            double[] v = trajectory.rows().get(i);
            path.add(v[theta], v[psi]);
        }
        XYSeries now = new XYSeries("now");
        double[] current = trajectory.rows().get(row);
        now.add(current[theta], current[psi]);
        XYSeries equilibrium = new XYSeries("equilibrium (0, 0)");
        equilibrium.add(0, 0);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(path);
        data.addSeries(now);
        data.addSeries(equilibrium);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, Charts.INK);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesPaint(1, Charts.SECOND);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(2, Charts.TARGET);
        NumberAxis x = new NumberAxis("theta (generator)");
        x.setRange(-extent, extent);
        NumberAxis y = new NumberAxis("psi (discriminator)");
        y.setRange(-extent, extent);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = String.format(Locale.ROOT, "step %d   r %.3g", (long) current[0],
                current[trajectory.column("r")]);
        return Optional.of(Charts.image(Charts.chart(title, plot, true), width, height));
    }
}
