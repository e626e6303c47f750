package org.gansweep.picture;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * Antialiased lines, rectangles and bands between two curves drawn straight into a {@link PaletteImage}: each
 * touched pixel becomes the palette colour nearest to its old colour blended with the ink by the shape's
 * coverage (times the ink's alpha, for translucent shapes). Java2D drew the
 * same lines into an RGB frame that was then compared with the last frame and mapped to the palette whole;
 * for animations whose frames differ by a few lines that cost most of their time, and compiling Java2D's
 * rasterizer most of a short sweep's. Only pixels whose centres lie in the clip are drawn.
 */
final class PaletteCanvas {
    /** One per thread, kept. */
    private static final ThreadLocal<Coverage> COVERAGE = ThreadLocal.withInitial(Coverage::new);

    private final PaletteImage image;
    private final int clipLeft;
    private final int clipTop;
    private final int clipRight;
    private final int clipBottom;

    PaletteCanvas(PaletteImage image, Rectangle2D clip) {
        this.image = image;
        clipLeft = Math.max(0, (int) Math.ceil(clip.getMinX() - 0.5));
        clipTop = Math.max(0, (int) Math.ceil(clip.getMinY() - 0.5));
        clipRight = Math.min(image.width() - 1, (int) Math.floor(clip.getMaxX() - 0.5));
        clipBottom = Math.min(image.height() - 1, (int) Math.floor(clip.getMaxY() - 0.5));
    }

    /**
     * The polyline through the first {@code n} points, {@code width} pixels wide with round joins and ends: a
     * pixel is covered by 1 - its distance beyond half the width (from its centre to the nearest segment),
     * clamped to [0, 1], so a pixel on two segments is blended once.
     */
    void stroke(double[] xs, double[] ys, int n, double width, Color ink) {
        stroke(xs, ys, n, width, ink, 1);
    }

    /**
     * As {@link #stroke(double[], double[], int, double, Color)}, the ink translucent: each pixel is blended by
     * its coverage times {@code alpha}. A line is blended once where it meets itself, so translucent lines
     * drawn one after another darken where they cross each other, as Java2D's alpha does.
     */
    void stroke(double[] xs, double[] ys, int n, double width, Color ink, double alpha) {
        Coverage coverage = COVERAGE.get();
        coverage.clear(image.width() * image.height());
        double half = width / 2;
        // Squared distances beyond which a pixel is not covered, and within which it is covered whole.
        double outer = (half + 0.5) * (half + 0.5);
        double inner = half > 0.5 ? (half - 0.5) * (half - 0.5) : -1;
        int segments = n == 1 ? 1 : n - 1; // a single point is a dot
        for (int i = 0; i < segments && n > 0; i++) {
            double x0 = xs[i];
            double y0 = ys[i];
            double x1 = n == 1 ? x0 : xs[i + 1];
            double y1 = n == 1 ? y0 : ys[i + 1];
            int fromX = Math.max(clipLeft, (int) Math.floor(Math.min(x0, x1) - half - 1));
            int toX = Math.min(clipRight, (int) Math.ceil(Math.max(x0, x1) + half + 1));
            int fromY = Math.max(clipTop, (int) Math.floor(Math.min(y0, y1) - half - 1));
            int toY = Math.min(clipBottom, (int) Math.ceil(Math.max(y0, y1) + half + 1));
            if (fromX > toX || fromY > toY) {
                continue;
            }
            double dx = x1 - x0;
            double dy = y1 - y0;
            double lengthSquared = dx * dx + dy * dy;
            double inverse = lengthSquared == 0 ? 0 : 1 / lengthSquared;
            // A pixel within reach of the segment lies, across its major axis, within this distance of the
            // segment's centre line at its row (steep) or column (shallow): only that band is scanned, not the
            // segment's whole box.
            boolean steep = Math.abs(dy) >= Math.abs(dx);
            double major = steep ? Math.abs(dy) : Math.abs(dx);
            double band = major == 0 ? half + 1 : (half + 1) * Math.sqrt(lengthSquared) / major + 1;
            int stride = image.width();
            if (steep) {
                for (int y = fromY; y <= toY; y++) {
                    double centre = dy == 0 ? x0 : x0 + dx * Math.max(0, Math.min(1, (y + 0.5 - y0) / dy));
                    int from = Math.max(fromX, (int) Math.floor(centre - band));
                    int to = Math.min(toX, (int) Math.ceil(centre + band));
                    for (int x = from; x <= to; x++) {
                        cover(coverage, y * stride + x, x + 0.5 - x0, y + 0.5 - y0, dx, dy, inverse, half, outer, inner);
                    }
                }
            } else {
                for (int x = fromX; x <= toX; x++) {
                    double centre = y0 + dy * Math.max(0, Math.min(1, (x + 0.5 - x0) / dx));
                    int from = Math.max(fromY, (int) Math.floor(centre - band));
                    int to = Math.min(toY, (int) Math.ceil(centre + band));
                    for (int y = from; y <= to; y++) {
                        cover(coverage, y * stride + x, x + 0.5 - x0, y + 0.5 - y0, dx, dy, inverse, half, outer, inner);
                    }
                }
            }
        }
        for (int i = 0; i < coverage.count; i++) {
            int at = coverage.touched[i];
            blend(at, coverage.values[at] * alpha, ink);
            coverage.values[at] = 0;
        }
    }

    /**
     * Covers the pixel whose centre is (px, py) from the segment's start by 1 - its distance beyond half the
     * width, from the segment from (0, 0) to (dx, dy) ({@code inverse} is 1 / its squared length, 0 for a point).
     */
    private static void cover(Coverage coverage, int at, double px, double py, double dx, double dy, double inverse,
                              double half, double outer, double inner) {
        double t = Math.max(0, Math.min(1, (px * dx + py * dy) * inverse));
        double ex = px - t * dx;
        double ey = py - t * dy;
        double squared = ex * ex + ey * ey;
        if (squared < outer) {
            coverage.cover(at, squared <= inner ? 1f : (float) (half + 0.5 - Math.sqrt(squared)));
        }
    }

    /**
     * The area between two curves over the same ascending {@code xs}, {@code lows} and {@code highs} (rows;
     * either may be the upper one), translucent by {@code alpha}: per pixel column, both curves interpolated
     * at its centre, each pixel covered by the part of its height between them (antialiased vertically) and,
     * at the band's two ends, by the part of its width inside. Fewer than two points enclose nothing.
     */
    void fillBetween(double[] xs, double[] lows, double[] highs, int n, Color ink, double alpha) {
        if (n < 2) {
            return;
        }
        double start = xs[0];
        double end = xs[n - 1];
        int fromX = Math.max(clipLeft, (int) Math.floor(start));
        int toX = Math.min(clipRight, (int) Math.ceil(end) - 1);
        int segment = 0;
        for (int x = fromX; x <= toX; x++) {
            double centre = Math.max(start, Math.min(end, x + 0.5));
            while (segment < n - 2 && xs[segment + 1] < centre) {
                segment++;
            }
            double span = xs[segment + 1] - xs[segment];
            double t = span > 0 ? (centre - xs[segment]) / span : 0;
            double a = lows[segment] + t * (lows[segment + 1] - lows[segment]);
            double b = highs[segment] + t * (highs[segment + 1] - highs[segment]);
            double top = Math.min(a, b);
            double bottom = Math.max(a, b);
            double columns = Math.min(x + 1, end) - Math.max(x, start);
            int fromY = Math.max(clipTop, (int) Math.floor(top));
            int toY = Math.min(clipBottom, (int) Math.ceil(bottom) - 1);
            for (int y = fromY; y <= toY; y++) {
                double rows = Math.min(y + 1, bottom) - Math.max(y, top);
                blend(y * image.width() + x, rows * columns * alpha, ink);
            }
        }
    }

    /** The rectangle [x0, x1] x [y0, y1], each pixel covered by the area of it inside. */
    void fill(double x0, double y0, double x1, double y1, Color ink) {
        int fromX = Math.max(clipLeft, (int) Math.floor(x0));
        int toX = Math.min(clipRight, (int) Math.ceil(x1) - 1);
        int fromY = Math.max(clipTop, (int) Math.floor(y0));
        int toY = Math.min(clipBottom, (int) Math.ceil(y1) - 1);
        for (int y = fromY; y <= toY; y++) {
            double rows = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = fromX; x <= toX; x++) {
                double columns = Math.min(x + 1, x1) - Math.max(x, x0);
                blend(y * image.width() + x, rows * columns, ink);
            }
        }
    }

    /** A horizontal line at row {@code y}, {@code width} thick, in dashes {@code on} long with gaps {@code off}. */
    void dashedHorizontal(double fromX, double toX, double y, double width, double on, double off, Color ink) {
        for (double x = fromX; x < toX; x += on + off) {
            fill(x, y - width / 2, Math.min(x + on, toX), y + width / 2, ink);
        }
    }

    private void blend(int at, double alpha, Color ink) {
        if (alpha <= 0) {
            return;
        }
        byte[] indices = image.indices();
        int under = Palette.rgb(indices[at]);
        int r = mix(under >> 16 & 0xFF, ink.getRed(), alpha);
        int g = mix(under >> 8 & 0xFF, ink.getGreen(), alpha);
        int b = mix(under & 0xFF, ink.getBlue(), alpha);
        indices[at] = Palette.nearest(r << 16 | g << 8 | b);
    }

    private static int mix(int under, int ink, double alpha) {
        return (int) Math.round(under + (ink - under) * Math.min(1, alpha));
    }

    /**
     * The coverage of the shape being drawn, per pixel (zero again after each shape), and the pixels it
     * touched: a faint line across a whole panel is then blended at its own pixels, not over its bounding box.
     */
    private static final class Coverage {
        private float[] values = new float[0];
        private int[] touched = new int[256];
        private int count;

        void clear(int size) {
            if (values.length < size) {
                values = new float[size];
            }
            count = 0;
        }

        /** Keeps the largest of a pixel's coverages by the segments of one line: it is blended once. */
        void cover(int at, float c) {
            if (c <= values[at]) {
                return;
            }
            if (values[at] == 0) {
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = at;
            }
            values[at] = c;
        }
    }
}
