package org.gansweep.picture;

import java.io.ByteArrayOutputStream;

/**
 * GIF's variable-width LZW over 8-bit palette indices (codes of 9 to 12 bits, a clear code when the table is
 * full), written as the image data of one frame: the minimum code size, sub-blocks of at most 255 bytes, and
 * the empty block that ends them. The code widths follow the classic compress/GIFEncoder schedule, which every
 * decoder reads. One per frame being written.
 */
final class GifLzw {
    private static final int BITS = 8;
    private static final int CLEAR = 1 << BITS;
    private static final int END = CLEAR + 1;
    private static final int MAX_CODES = 1 << 12;
    /**
     * (next index, prefix code) -> code, 0 for none (no string's code is 0): a direct table, one load per
     * pixel, where a hash table's probing cost most of the encoding. Laid out by index first: along a run of
     * one colour the prefixes are consecutive codes, so the loads fall on neighbouring entries (prefix first
     * scattered them over 2 MB, 8x slower). One per thread, kept; a clear empties only the entries it set.
     */
    private static final ThreadLocal<short[]> TABLE = ThreadLocal.withInitial(() -> new short[MAX_CODES << BITS]);

    private final short[] table = TABLE.get();
    private final int[] set = new int[MAX_CODES];
    private final ByteArrayOutputStream out;
    private final byte[] block = new byte[255];
    private int blockSize;
    private int bitBuffer;
    private int bitCount;
    private int codeSize;
    private int nextCode;

    private GifLzw(ByteArrayOutputStream out) {
        this.out = out;
    }

    /** Writes the rectangle (x, y, width, height) of a frame of {@code stride} indices per row. */
    static void write(byte[] indices, int stride, int x, int y, int width, int height, ByteArrayOutputStream out) {
        GifLzw lzw = new GifLzw(out);
        out.write(BITS);
        lzw.reset();
        lzw.emit(CLEAR);
        try {
            lzw.encode(indices, stride, x, y, width, height);
        } finally {
            lzw.reset(); // the next frame on this thread starts from an empty table
        }
    }

    private void encode(byte[] indices, int stride, int x, int y, int width, int height) {
        int prefix = indices[y * stride + x] & 0xFF;
        for (int row = y; row < y + height; row++) {
            int offset = row * stride;
            for (int column = row == y ? x + 1 : x; column < x + width; column++) {
                int next = indices[offset + column] & 0xFF;
                int key = next << 12 | prefix;
                int code = table[key];
                if (code != 0) {
                    prefix = code;
                    continue;
                }
                emit(prefix);
                if (nextCode < MAX_CODES) {
                    table[key] = (short) nextCode;
                    set[nextCode++] = key;
                } else {
                    emit(CLEAR);
                    reset();
                }
                prefix = next;
            }
        }
        emit(prefix);
        emit(END);
        flush();
    }

    private void reset() {
        for (int code = END + 1; code < nextCode; code++) {
            table[set[code]] = 0;
        }
        nextCode = END + 1;
        codeSize = BITS + 1;
    }

    /** One code at the current width; the width grows once the decoder's table will need it. */
    private void emit(int code) {
        bitBuffer |= code << bitCount;
        bitCount += codeSize;
        while (bitCount >= 8) {
            put(bitBuffer & 0xFF);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
        if (code != CLEAR && nextCode >= 1 << codeSize && codeSize < 12) {
            codeSize++;
        }
    }

    private void put(int b) {
        block[blockSize++] = (byte) b;
        if (blockSize == block.length) {
            out.write(blockSize);
            out.write(block, 0, blockSize);
            blockSize = 0;
        }
    }

    private void flush() {
        if (bitCount > 0) {
            put(bitBuffer & 0xFF);
        }
        if (blockSize > 0) {
            out.write(blockSize);
            out.write(block, 0, blockSize);
        }
        out.write(0);
    }
}
