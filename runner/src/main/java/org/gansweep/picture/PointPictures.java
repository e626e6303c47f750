package org.gansweep.picture;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
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
    /** The columns a point run logs, in order (its frames read w, b and D's parameters). */
    static final List<String> COLUMNS = List.of("step", "w", "b", "d_a0", "d_a1", "d_c0", "d_c1", "d_v0", "d_v1",
            "d_e", "d_real", "d_fake_mean", "loss_d", "loss_g");
    private static final double X_MIN = -3;
    private static final double X_MAX = 3;
    private static final int SAMPLES = 121;
    private static final double REAL = 1.0;
    private static final double G_MIN = -3;
    private static final double G_MAX = 4;
    private static final BasicStroke LINE = new BasicStroke(2f);
    /** Guarded by this. */
    private Backdrop backdrop;

    @Override
    public Map<String, Double> targets(ResolvedConfig config) {
        return Map.of("w", 0.0, "b", REAL);
    }

    @Override
    public List<String> bandColumns(Trajectory trajectory) {
        return List.of("w", "b");
    }

    @Override
    public Optional<PaletteImage> paletteFrame(Trajectory trajectory, Optional<Trajectory> histogram, int row,
                                               ResolvedConfig config, int width, int height) {
        double[] v = trajectory.rows().get(row);
        double w = v[trajectory.column("w")];
        double b = v[trajectory.column("b")];
        double[] d = new double[7];
        String[] names = {"d_a0", "d_a1", "d_c0", "d_c1", "d_v0", "d_v1", "d_e"};
        for (int i = 0; i < names.length; i++) {
            d[i] = v[trajectory.column(names[i])];
        }
        Backdrop backdrop = backdrop(width, height);
        double[] columns = new double[SAMPLES];
        double[] gRows = new double[SAMPLES];
        double[] dRows = new double[SAMPLES];
        curves(backdrop, w, b, d, columns, gRows, dRows);
        Backdrop.Frame frame = backdrop.frame("step " + (long) v[0] + "   w " + Labels.fixed(w, 3) + "   b "
                + Labels.fixed(b, 3));
        PaletteCanvas canvas = frame.canvas();
        canvas.stroke(columns, gRows, SAMPLES, LINE.getLineWidth(), Charts.INK);
        canvas.stroke(columns, dRows, SAMPLES, LINE.getLineWidth(), Charts.SECOND);
        // The markers lie over the lines, as JFreeChart's foreground markers do: the real point's value dashed
        // (as every target), its position solid.
        Rectangle2D area = backdrop.dataArea();
        canvas.dashedHorizontal(area.getMinX(), area.getMaxX(), backdrop.row(REAL, G_MIN, G_MAX), 1.2, 5, 4,
                Charts.TARGET);
        double realColumn = backdrop.column(REAL, X_MIN, X_MAX);
        canvas.fill(realColumn - 0.5, area.getMinY(), realColumn + 0.5, area.getMaxY(), Charts.TARGET);
        return Optional.of(frame.image());
    }

    /**
     * G's line and D's curve at the frame's sample points, in pixels. A loop of its own: the JIT compiles it
     * alone, rather than the whole frame with the title's text drawing inlined (a second of compiling per
     * short-lived process, profiled).
     */
    private static void curves(Backdrop backdrop, double w, double b, double[] d, double[] columns, double[] gRows,
                               double[] dRows) {
        for (int i = 0; i < SAMPLES; i++) {
            double x = X_MIN + (X_MAX - X_MIN) * i / (SAMPLES - 1);
            double logit = d[4] * Math.tanh(d[0] * x + d[2]) + d[5] * Math.tanh(d[1] * x + d[3]) + d[6];
            columns[i] = backdrop.column(x, X_MIN, X_MAX);
            gRows[i] = backdrop.row(clip(w * x + b), G_MIN, G_MAX);
            dRows[i] = backdrop.row(1 / (1 + Math.exp(-logit)), 0, 1);
        }
    }

    /** Axes, gridlines and legend of every frame, the same for every run: drawn once per size. */
    private Backdrop backdrop(int width, int height) {
        synchronized (this) {
            if (backdrop == null || backdrop.width() != width || backdrop.height() != height) {
                backdrop = new Backdrop(chart(), width, height);
            }
            return backdrop;
        }
    }

    private static JFreeChart chart() {
        NumberAxis xAxis = new NumberAxis("x");
        xAxis.setRange(X_MIN, X_MAX);
        NumberAxis gAxis = new NumberAxis("G(x)");
        gAxis.setRange(G_MIN, G_MAX);
        XYPlot plot = new XYPlot(new XYSeriesCollection(new XYSeries("G(x) = w x + b")), xAxis, gAxis, line(Charts.INK));
        NumberAxis dAxis = new NumberAxis("D(x)");
        dAxis.setRange(0, 1);
        plot.setRangeAxis(1, dAxis);
        plot.setDataset(1, new XYSeriesCollection(new XYSeries("D(x)")));
        plot.setRenderer(1, line(Charts.SECOND));
        plot.mapDatasetToRangeAxis(1, 1);
        // The title's band: erased and written again on every frame.
        return Charts.chart("step 0   w 0.000   b 0.000", plot, true);
    }

    /** Keeps a wild early line inside the picture instead of flattening the axis. */
    private static double clip(double y) {
        return Math.max(-50, Math.min(50, y));
    }

    static XYLineAndShapeRenderer line(java.awt.Paint paint) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, paint);
        renderer.setSeriesStroke(0, LINE);
        return renderer;
    }
}
