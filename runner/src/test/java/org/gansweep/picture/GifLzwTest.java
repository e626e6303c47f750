package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder that takes runs of one index in a step per code writes exactly the bytes of the textbook
 * encoder, one table lookup per pixel ({@link #perPixel}), whatever the runs, the clears of the full table
 * and the mixing of runs with other data.
 */
class GifLzwTest {
    private static final int TRANSPARENT = Palette.TRANSPARENT;

    @Test
    void runsOfEveryLengthUpToSeveralHundred() {
        for (int length = 1; length <= 600; length++) {
            byte[] pixels = new byte[length];
            Arrays.fill(pixels, (byte) TRANSPARENT);
            assertSameBytes(pixels, "run of " + length);
            pixels[length / 2] = 3; // the run broken in two, its second part after a mixed prefix
            assertSameBytes(pixels, "broken run of " + length);
        }
    }

    @Test
    void oneRunLongEnoughToFillTheTableAndCrossItsClear() {
        // A run of n copies emits about sqrt(2n) codes: 8 million fill the 3838 free codes and clear the table.
        byte[] pixels = new byte[8_000_000];
        Arrays.fill(pixels, (byte) 7);
        pixels[pixels.length - 1] = 8;
        assertTrue(codesOf(pixels) > 4096, "the run crosses a clear");
        assertSameBytes(pixels, "one long run");
    }

    @Test
    void longRunsOfSeveralIndicesOneAfterAnother() {
        Random random = new Random(11);
        byte[] pixels = new byte[3_000_000];
        int at = 0;
        while (at < pixels.length) {
            int length = Math.min(pixels.length - at, 1 + random.nextInt(200_000));
            Arrays.fill(pixels, at, at + length, (byte) (random.nextBoolean() ? TRANSPARENT : random.nextInt(4)));
            at += length;
        }
        assertSameBytes(pixels, "long runs");
    }

    @Test
    void randomDataThatFillsAndClearsTheTableOften() {
        Random random = new Random(5);
        for (int alphabet : new int[] {2, 3, 16, 256}) {
            byte[] pixels = new byte[200_000];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) random.nextInt(alphabet);
            }
            assertSameBytes(pixels, "random over " + alphabet);
        }
    }

    @Test
    void framesOfTransparentRunsWithChangedPixelsAndNoiseBetween() {
        // Like an animation frame after the first: mostly "as before", a line's pixels, a changed title, noise.
        Random random = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            byte[] pixels = new byte[1 + random.nextInt(300_000)];
            int at = 0;
            while (at < pixels.length) {
                int length = Math.min(pixels.length - at, 1 + random.nextInt(random.nextBoolean() ? 5 : 5000));
                switch (random.nextInt(4)) {
                    case 0, 1 -> Arrays.fill(pixels, at, at + length, (byte) TRANSPARENT);
                    case 2 -> Arrays.fill(pixels, at, at + length, (byte) random.nextInt(3));
                    default -> {
                        for (int i = at; i < at + length; i++) {
                            pixels[i] = (byte) (random.nextInt(8) == 0 ? TRANSPARENT : random.nextInt(6));
                        }
                    }
                }
                at += length;
            }
            assertSameBytes(pixels, "mix " + trial);
        }
    }

    private static void assertSameBytes(byte[] pixels, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GifLzw.write(pixels, out);
        assertArrayEquals(perPixel(pixels), out.toByteArray(), what);
    }

    private static int codesOf(byte[] pixels) {
        int[] count = new int[1];
        perPixel(pixels, (code, width) -> count[0]++);
        return count[0];
    }

    /**
     * The textbook greedy LZW with GIF's clear and end codes and widths from 9 to 12 bits (the width grows
     * after a code is written once the next free code no longer fits), packed low bit first into sub-blocks.
     */
    private static byte[] perPixel(byte[] pixels) {
        BitPacker packer = new BitPacker();
        perPixel(pixels, packer);
        byte[] bytes = packer.bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(8); // the minimum code size
        for (int from = 0; from < bytes.length; from += 255) {
            int size = Math.min(255, bytes.length - from);
            out.write(size);
            out.write(bytes, from, size);
        }
        out.write(0);
        return out.toByteArray();
    }

    private static void perPixel(byte[] pixels, CodeSink sink) {
        final int clear = 256;
        final int end = 257;
        Map<Long, Integer> table = new HashMap<>();
        int nextCode = end + 1;
        int width = 9;
        sink.write(clear, width);
        int prefix = pixels[0] & 0xFF;
        for (int i = 1; i < pixels.length; i++) {
            int symbol = pixels[i] & 0xFF;
            Integer longer = table.get((long) prefix << 8 | symbol);
            if (longer != null) {
                prefix = longer;
                continue;
            }
            sink.write(prefix, width);
            width = widthAfter(width, nextCode);
            if (nextCode < 4096) {
                table.put((long) prefix << 8 | symbol, nextCode++);
            } else {
                sink.write(clear, width);
                table.clear();
                nextCode = end + 1;
                width = 9;
            }
            prefix = symbol;
        }
        sink.write(prefix, width);
        width = widthAfter(width, nextCode);
        sink.write(end, width);
    }

    private static int widthAfter(int width, int nextCode) {
        return nextCode >= 1 << width && width < 12 ? width + 1 : width;
    }

    private interface CodeSink {
        void write(int code, int width);
    }

    /** Codes packed low bit first, the last byte padded with zeros. */
    private static final class BitPacker implements CodeSink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long bits;
        private int count;

        @Override
        public void write(int code, int width) {
            bits |= (long) code << count;
            count += width;
            while (count >= 8) {
                out.write((int) (bits & 0xFF));
                bits >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (bits & 0xFF));
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
