package org.gansweep.picture;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Panels stacked over one shared x axis, each a quantity's line over steps with its target dashed: a run's
 * trajectory.png, and a group's bands (the median's line over its seeds' faint lines and its quartiles'
 * band). Drawn without JFreeChart: with one such picture per drawn run, its layout code and Java2D's
 * antialiasing rasterizer, compiled anew by every short-lived gansweep, cost more than training a small sweep
 * (profiled). Here Java2D draws only text and one-pixel rules into an RGB image, which is mapped
 * to the {@link Palette} once; the lines are drawn by {@link PaletteCanvas}.
 */
final class PanelChart {
    static final int LEFT = 64;
    static final int RIGHT_MARGIN = 14;
    static final int TOP = 26;
    private static final int GAP = 6;
    private static final Color FRAME = new Color(0xB4B4B4);
    private static final Color GRID = new Color(0xE6E6E6);
    private static final Color TEXT = new Color(0x444444);

    /** Seeds behind a group's median: grey at 45/255, as the JFreeChart bands drew them. */
    private static final Color FAINT = new Color(120, 120, 120);
    private static final double FAINT_ALPHA = 45 / 255.0;
    private static final double FAINT_WIDTH = 0.8;
    /**
     * The interquartile band, a light blue. INK's own tint (JFreeChart's, INK at 0.3) has no palette colour
     * near it: it fell on lavender over white and on teal over the faint lines, streaking the band. This
     * blue at 0.45 falls on the palette's light sky blue over white and the lightest greys, and on deeper
     * blues where seeds crowd, as a translucent band shows them.
     */
    private static final Color BAND = new Color(0x0080FF);
    private static final double BAND_ALPHA = 0.45;

    /**
     * One panel: its name, its points (NaN breaks the line) and its target, or NaN for none; behind the line,
     * faint lines (a group's seeds) and a band filled between two values per x of the line, or null for none.
     */
    record Panel(String name, double[] xs, double[] ys, double target, List<Series> faint, Band band) {
        Panel(String name, double[] xs, double[] ys, double target) {
            this(name, xs, ys, target, List.of(), null);
        }

        /** Every value the panel shows, for its y range. */
        private List<double[]> values() {
            List<double[]> values = new ArrayList<>(List.of(ys));
            faint.forEach(series -> values.add(series.ys()));
            if (band != null) {
                values.add(band.lows());
                values.add(band.highs());
            }
            return values;
        }

        /** Every x the panel shows, for the shared x range. */
        private List<double[]> steps() {
            List<double[]> steps = new ArrayList<>(List.of(xs));
            faint.forEach(series -> steps.add(series.xs()));
            return steps;
        }
    }

    /** A line of its own xs (a seed's steps), NaN breaking it. */
    record Series(double[] xs, double[] ys) {
    }

    /** Lower and upper values at each x of its panel's line; NaN in either leaves a gap. */
    record Band(double[] lows, double[] highs) {
    }

    private PanelChart() {
    }

    /** The picture, {@code width} wide, {@code panelHeight} per panel plus 60 for the title and the x axis. */
    static PaletteImage draw(String title, String xLabel, List<Panel> panels, int width, int panelHeight) {
        int height = 60 + panelHeight * panels.size();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        centred(g, title, width / 2.0, 17);
        int right = width - RIGHT_MARGIN;
        double[] xRange = range(panels.stream().flatMap(p -> p.steps().stream()).toList(), Double.NaN, false);
        double[] xTicks = ticks(xRange[0], xRange[1], Math.max(2, (right - LEFT) / 70));
        List<Rectangle2D> areas = new ArrayList<>();
        List<double[]> yRanges = new ArrayList<>();
        g.setFont(Charts.SMALL);
        FontMetrics metrics = g.getFontMetrics();
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int top = TOP + panelHeight * p + GAP / 2;
            int bottom = TOP + panelHeight * (p + 1) - GAP / 2;
            Rectangle2D area = new Rectangle2D.Double(LEFT, top, right - LEFT, bottom - top);
            double[] yRange = range(panel.values(), panel.target(), true);
            areas.add(area);
            yRanges.add(yRange);
            double[] yTicks = ticks(yRange[0], yRange[1], Math.max(3, (bottom - top) / 24));
            for (double x : xTicks) {
                g.setColor(GRID);
                g.fillRect((int) Math.round(column(x, xRange, area)), top, 1, bottom - top);
            }
            String format = format(yTicks);
            for (double y : yTicks) {
                int at = (int) Math.round(row(y, yRange, area));
                g.setColor(GRID);
                g.fillRect(LEFT, at, right - LEFT, 1);
                g.setColor(TEXT);
                String label = label(y, format);
                g.drawString(label, LEFT - 4 - metrics.stringWidth(label), at + metrics.getAscent() / 2 - 1);
            }
            g.setColor(FRAME);
            g.drawRect(LEFT, top, right - LEFT, bottom - top);
            upright(g, panel.name(), 4, (top + bottom) / 2.0);
        }
        int axis = TOP + panelHeight * panels.size();
        g.setColor(TEXT);
        String format = format(xTicks);
        for (double x : xTicks) {
            int at = (int) Math.round(column(x, xRange, areas.get(0)));
            g.fillRect(at, axis - GAP / 2, 1, 4);
            centred(g, label(x, format), at, axis + 12);
        }
        centred(g, xLabel, (LEFT + right) / 2.0, axis + 27);
        g.dispose();
        PaletteImage image = PaletteImage.of(rgb);
        for (int p = 0; p < panels.size(); p++) {
            drawData(image, panels.get(p), xRange, yRanges.get(p), areas.get(p));
        }
        return image;
    }

    /** Back to front: the faint lines, the band, the line, the target. */
    private static void drawData(PaletteImage image, Panel panel, double[] xRange, double[] yRange, Rectangle2D area) {
        PaletteCanvas canvas = new PaletteCanvas(image, area);
        Scale scale = new Scale(xRange, yRange, area);
        for (Series series : panel.faint()) {
            scale.finiteStretches(series.xs(), List.of(series.ys()),
                    (xs, rows, n) -> canvas.stroke(xs, rows.get(0), n, FAINT_WIDTH, FAINT, FAINT_ALPHA));
        }
        if (panel.band() != null) {
            scale.finiteStretches(panel.xs(), List.of(panel.band().lows(), panel.band().highs()),
                    (xs, rows, n) -> canvas.fillBetween(xs, rows.get(0), rows.get(1), n, BAND, BAND_ALPHA));
        }
        scale.finiteStretches(panel.xs(), List.of(panel.ys()),
                (xs, rows, n) -> canvas.stroke(xs, rows.get(0), n, 2, Charts.INK));
        if (Double.isFinite(panel.target()) && panel.target() >= yRange[0] && panel.target() <= yRange[1]) {
            canvas.dashedHorizontal(area.getMinX(), area.getMaxX(), scale.row(panel.target()), 1.2, 5, 4,
                    Charts.TARGET);
        }
    }

    /** A panel's data ranges mapped onto its area in pixels. */
    private record Scale(double[] xRange, double[] yRange, Rectangle2D area) {
        /** Something drawn from the first {@code n} pixel positions of a stretch: columns and rows per series. */
        interface StretchDrawing {
            void draw(double[] xs, List<double[]> rows, int n);
        }

        /**
         * Each stretch of points whose x and values are all finite, in pixels, handed to {@code drawing}: a NaN
         * (a diverged or unlogged value) leaves a gap rather than a line across it.
         */
        void finiteStretches(double[] xs, List<double[]> values, StretchDrawing drawing) {
            int n = xs.length;
            double[] columns = new double[n];
            List<double[]> rows = new ArrayList<>();
            values.forEach(v -> rows.add(new double[n]));
            int run = 0;
            for (int i = 0; i <= n; i++) {
                if (i < n && finite(xs[i], values, i)) {
                    columns[run] = column(xs[i], xRange, area);
                    for (int v = 0; v < values.size(); v++) {
                        rows.get(v)[run] = row(values.get(v)[i]);
                    }
                    run++;
                } else if (run > 0) {
                    drawing.draw(columns, rows, run);
                    run = 0;
                }
            }
        }

        double row(double y) {
            return PanelChart.row(y, yRange, area);
        }

        private static boolean finite(double x, List<double[]> values, int i) {
            if (!Double.isFinite(x)) {
                return false;
            }
            for (double[] v : values) {
                if (!Double.isFinite(v[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The axis range of the finite values, 5% wider at each end; the target is kept inside when
     * {@code withTarget}, so a run's distance from it shows. A single value gets a range around it.
     */
    static double[] range(List<double[]> series, double target, boolean withTarget) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (withTarget && Double.isFinite(target)) {
            low = Math.min(low, target);
            high = Math.max(high, target);
        }
        if (low > high) {
            return new double[] {0, 1};
        }
        double margin = high > low ? (high - low) * 0.05 : Math.max(Math.abs(low) * 0.05, 1e-3);
        return new double[] {low - margin, high + margin};
    }

    /** Round tick values (1, 2 or 5 times a power of ten apart) inside [low, high], at most about {@code most}. */
    static double[] ticks(double low, double high, int most) {
        double raw = (high - low) / most;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double factor : new double[] {1, 2, 5, 10}) {
            step = factor * power;
            if (step >= raw) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(low / step); k * step <= high && ticks.size() <= most + 1; k++) {
            ticks.add(k * step == 0 ? 0.0 : k * step);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** As many decimals as the tick spacing needs; large or tiny values in scientific notation. */
    static String format(double[] ticks) {
        if (ticks.length < 2) {
            return ticks.length == 1 && ticks[0] != 0 && Math.abs(ticks[0]) < 1e6 ? "%.3g" : "%.2e";
        }
        double step = ticks[1] - ticks[0];
        double largest = Math.max(Math.abs(ticks[0]), Math.abs(ticks[ticks.length - 1]));
        if (largest >= 1e6 || step < 1e-4) {
            return "%.2e";
        }
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return "%." + decimals + "f";
    }

    /** A tick's label in the pattern {@link #format} chose. */
    static String label(double value, String pattern) {
        if (pattern.endsWith("f")) {
            return Labels.fixed(value, Integer.parseInt(pattern.substring(2, pattern.length() - 1)));
        }
        return String.format(Locale.ROOT, pattern, value);
    }

    private static double column(double x, double[] range, Rectangle2D area) {
        return area.getMinX() + (x - range[0]) / (range[1] - range[0]) * area.getWidth();
    }

    private static double row(double y, double[] range, Rectangle2D area) {
        return area.getMaxY() - (y - range[0]) / (range[1] - range[0]) * area.getHeight();
    }

    private static void centred(Graphics2D g, String text, double x, int baseline) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), baseline);
    }

    /**
     * {@code text} reading upwards, centred on row {@code y}, its top at column {@code left}: drawn level on a
     * small image and turned a quarter, pixel by pixel (rotated glyphs would go through the outline rasterizer).
     */
    private static void upright(Graphics2D g, String text, int left, double y) {
        BufferedImage turned = UPRIGHT.computeIfAbsent(text, t -> turned(g, t));
        g.drawImage(turned, left, (int) Math.round(y - turned.getHeight() / 2.0), null);
    }

    /** Upright labels drawn so far, by text: every run of an experiment names the same quantities. */
    private static final java.util.Map<String, BufferedImage> UPRIGHT = new java.util.concurrent.ConcurrentHashMap<>();

    private static BufferedImage turned(Graphics2D g, String text) {
        FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(text) + 2;
        int height = metrics.getHeight();
        BufferedImage level = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D lg = level.createGraphics();
        lg.setRenderingHints(g.getRenderingHints());
        lg.setColor(Color.WHITE);
        lg.fillRect(0, 0, width, height);
        lg.setColor(TEXT);
        lg.setFont(g.getFont());
        lg.drawString(text, 1, metrics.getAscent());
        lg.dispose();
        BufferedImage turned = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
        int[] from = PaletteImage.packedPixels(level);
        int[] to = PaletteImage.packedPixels(turned);
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                to[(width - 1 - column) * height + row] = from[row * width + column];
            }
        }
        return turned;
    }
}
