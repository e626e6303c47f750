package org.gansweep.picture;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * GIF's variable-width LZW over 8-bit palette indices (codes of 9 to 12 bits, a clear code when the table is
 * full), written as the image data of one frame: the minimum code size, sub-blocks of at most 255 bytes, and
 * the empty block that ends them. The code widths follow the classic compress/GIFEncoder schedule, which every
 * decoder reads. Not thread-safe: one per frame being written.
 */
final class GifLzw {
    private static final int BITS = 8;
    private static final int CLEAR = 1 << BITS;
    private static final int END = CLEAR + 1;
    private static final int MAX_CODES = 1 << 12;
    /** Open-addressed (prefix code, next index) -> code; twice the most entries, so probes stay short. */
    private static final int SLOTS = 2 * MAX_CODES;

    private final int[] keys = new int[SLOTS];
    private final short[] codes = new short[SLOTS];
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
        int prefix = indices[y * stride + x] & 0xFF;
        for (int row = y; row < y + height; row++) {
            int offset = row * stride;
            for (int column = row == y ? x + 1 : x; column < x + width; column++) {
                int next = indices[offset + column] & 0xFF;
                int key = prefix << BITS | next;
                int slot = lzw.find(key);
                if (lzw.keys[slot] == key) {
                    prefix = lzw.codes[slot];
                    continue;
                }
                lzw.emit(prefix);
                if (lzw.nextCode < MAX_CODES) {
                    lzw.keys[slot] = key;
                    lzw.codes[slot] = (short) lzw.nextCode++;
                } else {
                    lzw.emit(CLEAR);
                    lzw.reset();
                }
                prefix = next;
            }
        }
        lzw.emit(prefix);
        lzw.emit(END);
        lzw.flush();
    }

    private int find(int key) {
        int slot = (key * 0x9E3779B1) >>> (32 - 13);
        while (keys[slot] != -1 && keys[slot] != key) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        return slot;
    }

    private void reset() {
        Arrays.fill(keys, -1);
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
