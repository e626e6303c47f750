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
 * The d2l GAN's two laws as 2-sigma ellipses: the data N(b, A^T A) (the source's A and b) and the generated
 * N(c, W W^T). Since real = x A + b and fake = z W^T + c with x, z ~ N(0, I), each ellipse is exactly the
 * image of the circle of radius 2 under its linear map, so no decomposition is needed.
 */
final class Linear2dPictures implements ExperimentPictures {
    /** The source's data map (d2l.ai): X A + b. */
    private static final double[][] A = {{1, 2}, {-0.1, 0.5}};
    private static final double[] B = {1, 2};
    private static final int POINTS = 96;

    @Override
    public Map<String, Double> targets(ResolvedConfig config) {
        return Map.of("cov_rel_error", 0.0, "mean_error", 0.0);
    }

    @Override
    public List<String> bandColumns(Trajectory trajectory) {
        return List.of("cov_rel_error", "mean_error");
    }

    @Override
    public Optional<BufferedImage> frame(Trajectory trajectory, int row, ResolvedConfig config, int width, int height) {
        double[] v = trajectory.rows().get(row);
        double[][] w = {{v[trajectory.column("w00")], v[trajectory.column("w01")]},
            {v[trajectory.column("w10")], v[trajectory.column("w11")]}};
        double[] c = {v[trajectory.column("c0")], v[trajectory.column("c1")]};
        XYSeriesCollection data = new XYSeriesCollection();
        // real point = x A + b: component o is sum_i x_i A[i][o]; fake = z W^T + c: sum_i z_i W[o][i].
        data.addSeries(ellipse("data N(b, A^T A)", B, (u, o) -> u[0] * A[0][o] + u[1] * A[1][o]));
        data.addSeries(ellipse("generated N(c, W W^T)", c, (u, o) -> u[0] * w[o][0] + u[1] * w[o][1]));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Charts.TARGET);
        renderer.setSeriesPaint(1, Charts.INK);
        NumberAxis x = new NumberAxis("dimension 0");
        x.setRange(-4, 6);
        NumberAxis y = new NumberAxis("dimension 1");
        y.setRange(-3, 7);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = String.format(Locale.ROOT, "step %d   covariance error %.3f   mean error %.3f", (long) v[0],
                v[trajectory.column("cov_rel_error")], v[trajectory.column("mean_error")]);
        return Optional.of(Charts.image(Charts.chart(title, plot, true), width, height));
    }

    private interface LinearMap {
        double apply(double[] u, int component);
    }

    private static XYSeries ellipse(String name, double[] center, LinearMap map) {
        XYSeries series = new XYSeries(name, false);
        for (int i = 0; i <= POINTS; i++) {
            double t = 2 * Math.PI * i / POINTS;
            double[] u = {2 * Math.cos(t), 2 * Math.sin(t)};
            series.add(center[0] + map.apply(u, 0), center[1] + map.apply(u, 1));
        }
        return series;
    }
}
