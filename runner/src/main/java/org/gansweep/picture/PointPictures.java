package org.gansweep.picture;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PointGAN article's picture: G's output line y = w x + b and D's curve
 * D(x) = sigmoid(v0 tanh(a0 x + c0) + v1 tanh(a1 x + c1) + e) over x in [-3, 3], with the real point at 1.
 * A solved run ends with a flat line at 1 (w = 0, b = 1).
 */
final class PointPictures implements ExperimentPictures {
    private static final double X_MIN = -3;
    private static final double X_MAX = 3;
    private static final int SAMPLES = 121;
    private static final double REAL = 1.0;

    @Override
    public Map<String, Double> targets(ResolvedConfig config) {
        return Map.of("w", 0.0, "b", REAL);
    }

    @Override
    public List<String> bandColumns(Trajectory trajectory) {
        return List.of("w", "b");
    }

    @Override
    public Optional<BufferedImage> frame(Trajectory trajectory, int row, ResolvedConfig config, int width, int height) {
        double[] v = trajectory.rows().get(row);
        double w = v[trajectory.column("w")];
        double b = v[trajectory.column("b")];
        double[] d = new double[7];
        String[] names = {"d_a0", "d_a1", "d_c0", "d_c1", "d_v0", "d_v1", "d_e"};
        for (int i = 0; i < names.length; i++) {
            d[i] = v[trajectory.column(names[i])];
        }
        XYSeries g = new XYSeries("G(x) = w x + b");
        XYSeries disc = new XYSeries("D(x)");
        for (int i = 0; i < SAMPLES; i++) {
            double x = X_MIN + (X_MAX - X_MIN) * i / (SAMPLES - 1);
            g.add(x, clip(w * x + b));
            double logit = d[4] * Math.tanh(d[0] * x + d[2]) + d[5] * Math.tanh(d[1] * x + d[3]) + d[6];
            disc.add(x, 1 / (1 + Math.exp(-logit)));
        }
        NumberAxis xAxis = new NumberAxis("x");
        xAxis.setRange(X_MIN, X_MAX);
        NumberAxis gAxis = new NumberAxis("G(x)");
        gAxis.setRange(-3, 4);
        XYPlot plot = new XYPlot(new XYSeriesCollection(g), xAxis, gAxis, line(Charts.INK));
        NumberAxis dAxis = new NumberAxis("D(x)");
        dAxis.setRange(0, 1);
        plot.setRangeAxis(1, dAxis);
        plot.setDataset(1, new XYSeriesCollection(disc));
        plot.setRenderer(1, line(Charts.SECOND));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.addRangeMarker(Charts.target(REAL));
        ValueMarker real = new ValueMarker(REAL, Charts.TARGET, new BasicStroke(1f));
        plot.addDomainMarker(real);
        String title = String.format(Locale.ROOT, "step %d   w %.3f   b %.3f", (long) v[0], w, b);
        return Optional.of(Charts.image(Charts.chart(title, plot, true), width, height));
    }

    /** Keeps a wild early line inside the picture instead of flattening the axis. */
    private static double clip(double y) {
        return Math.max(-50, Math.min(50, y));
    }

    static XYLineAndShapeRenderer line(java.awt.Paint paint) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, paint);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        return renderer;
    }
}
