package org.gansweep.picture;

import java.awt.Color;
import java.awt.geom.Rectangle2D;

/**
 * Antialiased lines and rectangles drawn straight into a {@link PaletteImage}: each touched pixel becomes the
 * palette colour nearest to its old colour blended with the ink by the shape's coverage. Java2D drew the
 * same lines into an RGB frame that was then compared with the last frame and mapped to the palette whole;
 * for animations whose frames differ by a few lines that cost most of their time, and compiling Java2D's
 * rasterizer most of a short sweep's. Only pixels whose centres lie in the clip are drawn.
 */
final class PaletteCanvas {
    /** Coverage of the shape being drawn, per pixel; zero again after each shape. One per thread, kept. */
    private static final ThreadLocal<float[][]> COVERAGE = ThreadLocal.withInitial(() -> new float[1][0]);

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
        float[] coverage = coverage();
        double half = width / 2;
        // Squared distances beyond which a pixel is not covered, and within which it is covered whole.
        double outer = (half + 0.5) * (half + 0.5);
        double inner = half > 0.5 ? (half - 0.5) * (half - 0.5) : -1;
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
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
            left = Math.min(left, fromX);
            right = Math.max(right, toX);
            top = Math.min(top, fromY);
            bottom = Math.max(bottom, toY);
            double dx = x1 - x0;
            double dy = y1 - y0;
            double length = Math.sqrt(dx * dx + dy * dy);
            // A pixel within reach of the segment lies, along the minor axis, within this distance of the
            // segment's centre line at its row (or column): steep lines are not scanned over their whole box.
            boolean steep = Math.abs(dy) >= Math.abs(dx);
            double major = steep ? Math.abs(dy) : Math.abs(dx);
            double band = major == 0 ? half + 1 : (half + 1) * length / major + 1;
            for (int y = fromY; y <= toY; y++) {
                double py = y + 0.5;
                int rowFrom = fromX;
                int rowTo = toX;
                if (steep && dy != 0) {
                    double centre = x0 + dx * Math.max(0, Math.min(1, (py - y0) / dy));
                    rowFrom = Math.max(fromX, (int) Math.floor(centre - band));
                    rowTo = Math.min(toX, (int) Math.ceil(centre + band));
                }
                for (int x = rowFrom; x <= rowTo; x++) {
                    double px = x + 0.5;
                    if (!steep && dx != 0) {
                        double centre = y0 + dy * Math.max(0, Math.min(1, (px - x0) / dx));
                        if (Math.abs(py - centre) > band) {
                            continue;
                        }
                    }
                    double t = length == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / (length * length);
                    t = Math.max(0, Math.min(1, t));
                    double ex = px - (x0 + t * dx);
                    double ey = py - (y0 + t * dy);
                    double squared = ex * ex + ey * ey;
                    if (squared >= outer) {
                        continue;
                    }
                    int at = y * image.width() + x;
                    float c = squared <= inner ? 1f : (float) (half + 0.5 - Math.sqrt(squared));
                    if (c > coverage[at]) {
                        coverage[at] = c;
                    }
                }
            }
        }
        if (left <= right) {
            composite(coverage, left, top, right, bottom, ink);
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

    private float[] coverage() {
        float[][] holder = COVERAGE.get();
        int size = image.width() * image.height();
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    private void composite(float[] coverage, int left, int top, int right, int bottom, Color ink) {
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                int at = y * image.width() + x;
                if (coverage[at] > 0) {
                    blend(at, coverage[at], ink);
                    coverage[at] = 0;
                }
            }
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
}
