package org.gansweep.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.gansweep.internal.AtomicFiles;
import org.gansweep.record.StoreException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/** What every picture shares: a white theme, rendering to an image, and atomic PNG files. */
final class Charts {
    static final Color TARGET = new Color(0xD62728);
    static final Color INK = new Color(0x1F77B4);
    static final Color SECOND = new Color(0xFF7F0E);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    static {
        // Pictures are drawn on machines without a display (CI, cluster nodes).
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            style(xy);
        }
        return chart;
    }

    /**
     * Gridlines solid, not JFreeChart's dashes: an antialiased dash pattern over a whole plot cost a fifth of
     * the time of drawing a run's pictures (profiled), and light grey lines read the same.
     */
    private static final BasicStroke GRID = new BasicStroke(1f);
    private static final Color GRID_PAINT = new Color(0xE6E6E6);

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlineStroke(GRID);
        plot.setRangeGridlineStroke(GRID);
        plot.setDomainGridlinePaint(GRID_PAINT);
        plot.setRangeGridlinePaint(GRID_PAINT);
        for (org.jfree.chart.axis.ValueAxis axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(),
                plot.getRangeAxis()}) {
            // Subplots of a combined plot have no domain axis of their own.
            if (axis != null) {
                axis.setTickLabelFont(SMALL);
                axis.setLabelFont(SMALL);
            }
        }
    }

    /** A dashed horizontal line at the value the quantity should reach. */
    static ValueMarker target(double value) {
        ValueMarker marker = new ValueMarker(value, TARGET, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        return marker;
    }

    static BufferedImage image(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    static void writePng(JFreeChart chart, int width, int height, Path file) {
        writePng(image(chart, width, height), file);
    }

    static void writePng(BufferedImage image, Path file) {
        write(file, PngWriter.encode(image));
    }

    static void write(Path file, byte[] content) {
        try {
            AtomicFiles.writeBytes(file, content);
        } catch (UncheckedIOException e) {
            throw new StoreException(file + ": cannot write: " + e.getCause().getMessage(), e);
        }
    }
}
