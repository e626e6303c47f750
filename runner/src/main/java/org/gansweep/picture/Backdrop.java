package org.gansweep.picture;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The still part of an animation frame (axes, gridlines, legend), drawn once by JFreeChart and mapped to the
 * palette once; each frame is a copy with its title (Java2D, on the title's band only) and its moving lines
 * ({@link PaletteCanvas}) drawn over it. A full chart per frame cost most of an animation's time. Immutable:
 * frames copy the image, so threads share one backdrop.
 */
final class Backdrop {
    private final BufferedImage image;
    private final PaletteImage still;
    /** Rows from the top that hold the title: the part of the image each frame draws again. */
    private final int titleRows;
    private final JFreeChart chart;
    private final Rectangle2D dataArea;
    private final Rectangle2D titleArea;

    /**
     * {@code chart}'s axes have fixed ranges and its datasets hold no points (their legend items show); its
     * title, a sample of the frames' titles, only sets the height of the title band.
     */
    Backdrop(JFreeChart chart, int width, int height) {
        this.chart = chart;
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
        // The title took a band at the top, inside the chart's padding, and the plot starts where it ends.
        // Drawn again untitled with the band as padding, the plot stays where it was, and each frame writes
        // its own title into the band.
        RectangleInsets padding = chart.getPadding();
        double plotTop = info.getPlotInfo().getPlotArea().getMinY();
        titleArea = new Rectangle2D.Double(padding.getLeft(), padding.getTop(),
                width - padding.getLeft() - padding.getRight(), plotTop - padding.getTop());
        Rectangle2D titled = info.getPlotInfo().getDataArea();
        chart.setTitle((TextTitle) null);
        image = untitled(chart, width, height, plotTop, titled);
        still = PaletteImage.of(image);
        titleRows = Math.min(height, (int) Math.ceil(plotTop));
        dataArea = titled;
    }

    /**
     * The chart without its title, with padding in its place so that the data area stays where the titled
     * chart had it (the plot's own top margin differs by a few pixels without a title: measured, then undone).
     */
    private static BufferedImage untitled(JFreeChart chart, int width, int height, double top, Rectangle2D titled) {
        RectangleInsets padding = chart.getPadding();
        double shift = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            chart.setPadding(new RectangleInsets(top - shift, padding.getLeft(), padding.getBottom(), padding.getRight()));
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            chart.draw(g, new Rectangle(width, height), info);
            g.dispose();
            Rectangle2D untitled = info.getPlotInfo().getDataArea();
            if (untitled.equals(titled)) {
                return image;
            }
            shift += untitled.getMinY() - titled.getMinY();
        }
        throw new IllegalStateException("the untitled chart's data area moved: " + titled);
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    /** Where data is drawn: the axes' ranges map onto this rectangle. */
    Rectangle2D dataArea() {
        return dataArea;
    }

    /**
     * A copy of the backdrop titled {@code title}, as palette indices, and a canvas clipped to the data area
     * for the caller to draw the moving lines on.
     */
    Frame frame(String title) {
        BufferedImage band = new BufferedImage(image.getWidth(), titleRows, BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(from, 0, ((DataBufferInt) band.getRaster().getDataBuffer()).getData(), 0,
                image.getWidth() * titleRows);
        Graphics2D g = band.createGraphics();
        g.setRenderingHints(chart.getRenderingHints());
        g.setFont(Charts.TITLE);
        g.setColor(java.awt.Color.BLACK);
        // Where JFreeChart puts a chart's title: centred, its top one pixel (the title's padding) into its band.
        java.awt.FontMetrics metrics = g.getFontMetrics();
        g.drawString(title, (float) (titleArea.getCenterX() - metrics.stringWidth(title) / 2.0),
                (float) (titleArea.getY() + 1 + metrics.getAscent()));
        g.dispose();
        PaletteImage frame = still.copy();
        frame.paste(band, 0);
        return new Frame(frame, new PaletteCanvas(frame, dataArea));
    }

    /** x in [low, high] to a pixel column of the data area. */
    double column(double x, double low, double high) {
        return dataArea.getMinX() + (x - low) / (high - low) * dataArea.getWidth();
    }

    /** y in [low, high] to a pixel row of the data area (up is higher). */
    double row(double y, double low, double high) {
        return dataArea.getMaxY() - (y - low) / (high - low) * dataArea.getHeight();
    }

    /** A frame being drawn: once the caller has drawn on the canvas, the image is the frame. */
    record Frame(PaletteImage image, PaletteCanvas canvas) {
    }
}
