package org.gansweep.picture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An animated, looping GIF from frames, written byte by byte: one global palette, the NETSCAPE2.0 extension
 * that makes viewers loop, and per frame a graphic control extension with its delay. Frames after the first
 * store only the rectangle that changed. The JDK's ImageIO writer did the same at several times the cost
 * (a metadata tree per frame, a copy of each rectangle, its file cache).
 */
final class GifWriter {
    private GifWriter() {
    }

    static byte[] encode(List<BufferedImage> frames, int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        int width = frames.get(0).getWidth();
        int height = frames.get(0).getHeight();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        short16(out, width);
        short16(out, height);
        out.write(0xF7); // a global table of 256 colours, 8 bits each
        out.write(0); // background colour index
        out.write(0); // square pixels
        for (int i = 0; i < PALETTE.getMapSize(); i++) {
            out.write(PALETTE.getRed(i));
            out.write(PALETTE.getGreen(i));
            out.write(PALETTE.getBlue(i));
        }
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {3, 1, 0, 0, 0}); // sub-block 1, loop count 0 = forever
        int[] previous = null;
        for (BufferedImage drawn : frames) {
            if (drawn.getWidth() != width || drawn.getHeight() != height) {
                throw new IllegalArgumentException("frames differ in size");
            }
            int[] frame = rgb(drawn);
            // After the first frame only the rectangle that changed is mapped to the palette and stored, drawn
            // over the frame before (axes, labels and gridlines stay): that is most of an animation's cost.
            Rectangle changed = previous == null ? new Rectangle(width, height) : changed(previous, frame, width, height);
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 1 << 2}); // the next frame is drawn over this one
            short16(out, Math.max(1, delayMillis / 10));
            out.writeBytes(new byte[] {0, 0}); // no transparent colour; end of extension
            out.write(0x2C);
            short16(out, changed.x);
            short16(out, changed.y);
            short16(out, changed.width);
            short16(out, changed.height);
            out.write(0); // no local palette, not interlaced
            GifLzw.write(indices(frame, width, changed), changed.width, 0, 0, changed.width, changed.height, out);
            previous = frame;
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    /** The smallest rectangle holding every pixel whose colour differs; one pixel when none does. */
    static Rectangle changed(int[] a, int[] b, int width, int height) {
        int top = height;
        int bottom = -1;
        int left = width;
        int right = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = -1;
            for (int x = 0; x < width; x++) {
                if (((a[row + x] ^ b[row + x]) & 0xFFFFFF) != 0) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = width - 1;
            while (((a[row + last] ^ b[row + last]) & 0xFFFFFF) == 0) {
                last--;
            }
            top = Math.min(top, y);
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, last);
        }
        return bottom < 0 ? new Rectangle(0, 0, 1, 1) : new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    /** The frame as the GIF shows it, for comparing with what a decoder reads back. */
    static BufferedImage indexed(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        byte[] indices = indices(rgb(image), image.getWidth(), new Rectangle(image.getWidth(), image.getHeight()));
        System.arraycopy(indices, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, indices.length);
        return out;
    }

    /**
     * The palette indices of a rectangle of the frame, row by row, in a fixed 256-colour palette (a 6x6x6
     * colour cube plus 40 greys): one palette for every frame, where a palette built per frame cost most of
     * an animation's time (the JDK's octree); charts use few colours.
     */
    static byte[] indices(int[] rgb, int stride, Rectangle part) {
        byte[] indices = new byte[part.width * part.height];
        int at = 0;
        for (int y = part.y; y < part.y + part.height; y++) {
            for (int x = part.x; x < part.x + part.width; x++) {
                int p = rgb[y * stride + x];
                // Nearest palette colour, no dithering: flat chart colours stay flat and the GIF compresses.
                indices[at++] = NEAREST[((p >> 19) & 31) << 10 | ((p >> 11) & 31) << 5 | ((p >> 3) & 31)];
            }
        }
        return indices;
    }

    /** The image's pixels as packed RGB ints, row by row: in place when it was drawn as such. */
    private static int[] rgb(BufferedImage image) {
        int[] direct = packedPixels(image);
        return direct != null ? direct
                : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * The pixels of an image drawn as packed RGB ints (what charts are drawn into), read in place: getRGB's
     * colour-model conversion per pixel cost more than the palette lookup. Null for any other layout.
     */
    static int[] packedPixels(BufferedImage image) {
        boolean packed = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB;
        if (!packed || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)
                || model.getScanlineStride() != image.getWidth() || buffer.getOffset() != 0
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return buffer.getData();
    }

    private static final IndexColorModel PALETTE = palette();
    /** Palette index of the nearest colour for each 15-bit RGB. */
    private static final byte[] NEAREST = nearest(PALETTE);

    private static byte[] nearest(IndexColorModel palette) {
        byte[] table = new byte[1 << 15];
        for (int key = 0; key < table.length; key++) {
            int r = ((key >> 10) & 31) * 8 + 4;
            int g = ((key >> 5) & 31) * 8 + 4;
            int b = (key & 31) * 8 + 4;
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < palette.getMapSize(); i++) {
                int dr = palette.getRed(i) - r;
                int dg = palette.getGreen(i) - g;
                int db = palette.getBlue(i) - b;
                int distance = dr * dr + dg * dg + db * db;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            table[key] = (byte) best;
        }
        return table;
    }

    private static IndexColorModel palette() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int i = 0;
        for (int red = 0; red < 6; red++) {
            for (int green = 0; green < 6; green++) {
                for (int blue = 0; blue < 6; blue++) {
                    r[i] = (byte) (red * 51);
                    g[i] = (byte) (green * 51);
                    b[i] = (byte) (blue * 51);
                    i++;
                }
            }
        }
        for (int grey = 0; i < 256; grey++, i++) {
            int level = 6 + grey * 6;
            r[i] = (byte) level;
            g[i] = (byte) level;
            b[i] = (byte) level;
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
