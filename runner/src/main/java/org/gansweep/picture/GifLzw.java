package org.gansweep.picture;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * GIF's variable-width LZW over 8-bit palette indices (codes of 9 to 12 bits, a clear code when the table is
 * full), written as the image data of one frame: the minimum code size, sub-blocks of at most 255 bytes, and
 * the empty block that ends them. The code widths follow the classic compress/GIFEncoder schedule, which every
 * decoder reads. One per frame being written.
 *
 * <p>The codes are those of the standard greedy LZW (the longest string in the table, then that string plus
 * the next index added), but a run of one index is taken in as many steps as codes it emits rather than one
 * table lookup per pixel: frames after the first are mostly runs of the transparent index ("as before"), and
 * still backgrounds are runs of one colour. That works because the strings of one index alone, c, cc, ccc,
 * ..., enter the table in that order (cc..c plus c is added only once cc..c is there), so the codes of
 * c<sup>1</sup>..c<sup>K</sup> are kept in a list per index, and along a run the encoder jumps to the end of
 * that list instead of walking it pixel by pixel.
 */
final class GifLzw {
    private static final int BITS = 8;
    private static final int SYMBOLS = 1 << BITS;
    private static final int CLEAR = SYMBOLS;
    private static final int END = CLEAR + 1;
    private static final int MAX_CODES = 1 << 12;
    /**
     * (next index, prefix code) -> code, 0 for none (no string's code is 0): a direct table, one load per
     * step, where a hash table's probing cost most of the encoding. Laid out by index first: along a run of
     * one colour the prefixes are consecutive codes, so the loads fall on neighbouring entries (prefix first
     * scattered them over 2 MB, 8x slower). One per thread, kept; a clear empties only the entries it set.
     */
    private static final ThreadLocal<short[]> TABLE = ThreadLocal.withInitial(() -> new short[MAX_CODES << BITS]);
    /**
     * (index c, n) -> the code of c repeated n times, for n up to {@link #runsInTable}[c]; entries past that
     * are stale and never read. One per thread, kept, like the table (2 MB, too much to allocate per frame).
     */
    private static final ThreadLocal<short[]> RUN_CODES = ThreadLocal.withInitial(GifLzw::runCodesOfSingleIndices);

    private final short[] table = TABLE.get();
    private final short[] runCodes = RUN_CODES.get();
    /** Per index c, the longest run c<sup>K</sup> of it in the table. */
    private final int[] runsInTable = new int[SYMBOLS];
    /** Per code, the index it repeats and how often ({@link #runOf}), or 0 when its string mixes indices. */
    private final int[] runOfCode = new int[MAX_CODES];
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
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            runOfCode[symbol] = runOf(symbol, 1);
        }
    }

    /** Writes a frame's (or a rectangle's) indices, row after row. */
    static void write(byte[] pixels, ByteArrayOutputStream out) {
        if (pixels.length == 0) {
            throw new IllegalArgumentException("a GIF frame has at least one pixel");
        }
        GifLzw lzw = new GifLzw(out);
        out.write(BITS);
        lzw.reset();
        lzw.emit(CLEAR);
        try {
            lzw.encode(pixels);
        } finally {
            lzw.reset(); // the next frame on this thread starts from an empty table
        }
    }

    private void encode(byte[] pixels) {
        int prefix = pixels[0] & 0xFF;
        int at = 1;
        while (at < pixels.length) {
            int symbol = pixels[at] & 0xFF;
            int repeats = repeatsOf(prefix, symbol);
            if (repeats > 0) {
                int run = runLength(pixels, at, symbol);
                prefix = takeRun(symbol, repeats, run);
                at += run;
            } else {
                // Until the prefix is one index repeated, its strings with the run are not in the run list.
                prefix = take(prefix, symbol);
                at++;
            }
        }
        emit(prefix);
        emit(END);
        flush();
    }

    /** The per-pixel step: the prefix extended by the symbol if the table has that string, else a new one. */
    private int take(int prefix, int symbol) {
        int code = table[symbol << 12 | prefix];
        if (code != 0) {
            return code;
        }
        emitAndAdd(prefix, symbol);
        return symbol;
    }

    /**
     * The steps of {@link #take} for {@code run} more copies of {@code symbol} after a prefix that is
     * {@code symbol} repeated {@code repeats} times, with one step per code emitted: the prefix grows along the
     * run list to its longest, that is emitted and the list grows by one, and the next copy starts again.
     */
    private int takeRun(int symbol, int repeats, int run) {
        int longest = runsInTable[symbol];
        while (repeats + run > longest) {
            run -= longest - repeats + 1; // the copies that reach the longest run, and the one that ends it
            emitAndAdd(runCode(symbol, longest), symbol);
            repeats = 1;
            longest = runsInTable[symbol];
        }
        return runCode(symbol, repeats + run);
    }

    /** Emits the prefix and gives prefix + symbol the next code, or clears the table when it is full. */
    private void emitAndAdd(int prefix, int symbol) {
        emit(prefix);
        if (nextCode < MAX_CODES) {
            add(prefix, symbol);
        } else {
            emit(CLEAR);
            reset();
        }
    }

    private void add(int prefix, int symbol) {
        int key = symbol << 12 | prefix;
        table[key] = (short) nextCode;
        set[nextCode] = key;
        // prefix + symbol is not in the table, so a prefix of the symbol alone is its longest run there.
        if (repeatsOf(prefix, symbol) > 0) {
            int repeats = ++runsInTable[symbol];
            runCodes[symbol << 12 | repeats] = (short) nextCode;
            runOfCode[nextCode] = runOf(symbol, repeats);
        } else {
            runOfCode[nextCode] = 0;
        }
        nextCode++;
    }

    /** How many times the prefix's string repeats the symbol, 0 unless it is that symbol alone. */
    private int repeatsOf(int prefix, int symbol) {
        int run = runOfCode[prefix];
        return run >>> 12 == symbol ? run & 0xFFF : 0;
    }

    /** A code's entry in {@link #runOfCode}: never 0, since a run is at least 1 long. */
    private static int runOf(int symbol, int repeats) {
        return symbol << 12 | repeats;
    }

    private int runCode(int symbol, int repeats) {
        return runCodes[symbol << 12 | repeats];
    }

    /** How many pixels from {@code from} on are {@code symbol}. */
    private static int runLength(byte[] pixels, int from, int symbol) {
        int end = from;
        while (end < pixels.length && (pixels[end] & 0xFF) == symbol) {
            end++;
        }
        return end - from;
    }

    /** Each index is its own string of one: the run list's first entries, the same in every table. */
    private static short[] runCodesOfSingleIndices() {
        short[] codes = new short[SYMBOLS << 12];
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            codes[symbol << 12 | 1] = (short) symbol;
        }
        return codes;
    }

    private void reset() {
        for (int code = END + 1; code < nextCode; code++) {
            table[set[code]] = 0;
        }
        Arrays.fill(runsInTable, 1);
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
