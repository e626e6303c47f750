package org.gansweep.picture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * An animated, looping GIF from frames, written byte by byte: one global palette, the NETSCAPE2.0 extension
 * that makes viewers loop, and per frame a graphic control extension with its delay. Frames after the first
 * store only the rectangle that changed, and in it the pixels as before as the palette's transparent index.
 * The JDK's ImageIO writer did the same at several times the cost (a metadata tree per frame, a copy of each
 * rectangle, its file cache).
 */
final class GifWriter {
    private GifWriter() {
    }

    /** Frames drawn in RGB, each mapped to the palette whole. */
    static byte[] encode(List<BufferedImage> frames, int delayMillis) {
        return encodeFrames(frames.stream().map(PaletteImage::of).toList(), delayMillis);
    }

    static byte[] encodeFrames(List<PaletteImage> frames, int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        int width = frames.get(0).width();
        int height = frames.get(0).height();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        short16(out, width);
        short16(out, height);
        out.write(0xF7); // a global table of 256 colours, 8 bits each
        out.write(0); // background colour index
        out.write(0); // square pixels
        IndexColorModel palette = Palette.MODEL;
        for (int i = 0; i < palette.getMapSize(); i++) {
            out.write(palette.getRed(i));
            out.write(palette.getGreen(i));
            out.write(palette.getBlue(i));
        }
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {3, 1, 0, 0, 0}); // sub-block 1, loop count 0 = forever
        byte[] previous = null;
        for (PaletteImage drawn : frames) {
            if (drawn.width() != width || drawn.height() != height) {
                throw new IllegalArgumentException("frames differ in size");
            }
            byte[] frame = drawn.indices();
            // After the first frame only the rectangle that changed is stored, drawn over the frame before
            // (axes, labels and gridlines stay): that is most of an animation's cost.
            Rectangle changed = previous == null ? new Rectangle(width, height) : changed(previous, frame, width, height);
            // Within it, pixels as before are the transparent index: the first frame is whole, so has none.
            byte[] marked = previous == null ? null : unchangedAsTransparent(previous, frame, width, changed);
            boolean transparent = marked != null;
            byte[] stored = transparent ? marked : previous == null ? frame : rectangle(frame, width, changed);
            // Disposal "do not dispose": the next frame is drawn over this one; flag 1: it has a transparent index.
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, (byte) (1 << 2 | (transparent ? 1 : 0))});
            short16(out, Math.max(1, delayMillis / 10));
            out.write(transparent ? Palette.TRANSPARENT : 0);
            out.write(0); // end of extension
            out.write(0x2C);
            short16(out, changed.x);
            short16(out, changed.y);
            short16(out, changed.width);
            short16(out, changed.height);
            out.write(0); // no local palette, not interlaced
            GifLzw.write(stored, out);
            previous = frame;
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    /** The smallest rectangle holding every pixel whose palette index differs; one pixel when none does. */
    static Rectangle changed(byte[] a, byte[] b, int width, int height) {
        int top = height;
        int bottom = -1;
        int left = width;
        int right = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = Arrays.mismatch(a, row, row + width, b, row, row + width);
            if (first < 0) {
                continue;
            }
            int last = width - 1;
            while (a[row + last] == b[row + last]) {
                last--;
            }
            top = Math.min(top, y);
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, last);
        }
        return bottom < 0 ? new Rectangle(0, 0, 1, 1) : new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    /**
     * The rectangle of a frame with each pixel equal to the previous frame's as the transparent index, so the
     * previous frame shows through: in an animation whose line sweeps the plot the changed rectangle is nearly
     * the whole frame, yet most of it is as before, and runs of one index cost LZW little. Null when a pixel
     * that changed has the transparent index itself (no palette mapping gives it), so it cannot be marked.
     */
    static byte[] unchangedAsTransparent(byte[] previous, byte[] frame, int width, Rectangle area) {
        byte[] stored = new byte[area.width * area.height];
        byte transparent = (byte) Palette.TRANSPARENT;
        for (int y = 0; y < area.height; y++) {
            int from = (area.y + y) * width + area.x;
            int end = from + area.width;
            int to = y * area.width - from; // stored[to + i] holds frame[i]
            int at = from;
            while (at < end) {
                // Equal stretches are found and filled in bulk; differing pixels are copied one by one.
                int equal = Arrays.mismatch(previous, at, end, frame, at, end);
                int firstDiffering = equal < 0 ? end : at + equal;
                Arrays.fill(stored, to + at, to + firstDiffering, transparent);
                for (at = firstDiffering; at < end && previous[at] != frame[at]; at++) {
                    if (frame[at] == transparent) {
                        return null;
                    }
                    stored[to + at] = frame[at];
                }
            }
        }
        return stored;
    }

    /** The rectangle of a frame's indices, row after row. */
    static byte[] rectangle(byte[] frame, int width, Rectangle area) {
        byte[] stored = new byte[area.width * area.height];
        for (int y = 0; y < area.height; y++) {
            System.arraycopy(frame, (area.y + y) * width + area.x, stored, y * area.width, area.width);
        }
        return stored;
    }

    /** The frame as the GIF shows it, for comparing with what a decoder reads back. */
    static BufferedImage indexed(BufferedImage image) {
        return PaletteImage.of(image).toImage();
    }
}
