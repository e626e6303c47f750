package org.gansweep.engine;

/**
 * The random numbers of one run, a pure function of (seed, step, purpose, index). Counter-based rather
 * than sequential: a draw never depends on what other draws were made before it or by other runs, so a run
 * sees the same numbers alone, inside a batch of thousands, or when some runs in its batch skip draws
 * they do not need. The mixing function is SplitMix64's finalizer; uniforms take its top 53 bits.
 * Immutable and thread-safe.
 */
public final class RunStream {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2 * Math.PI;

    private final long key;

    public RunStream(long seed) {
        this.key = mix(seed * GOLDEN + 0x5EED5EED5EEDL);
    }

    /** The base of one (step, purpose) block of draws; index i within the block is drawn from it. */
    public long block(long step, int purpose) {
        return mix(key ^ mix(step * GOLDEN + purpose));
    }

    /** Uniform on [0, 1). */
    public static double uniform(long block, long index) {
        return (mix(block + (index + 1) * GOLDEN) >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [low, high). */
    public static double uniform(long block, long index, double low, double high) {
        return low + (high - low) * uniform(block, index);
    }

    /**
     * Uniform on [-1, 1) as a float with 24 random bits: exact in float, so every kernel and dtype sees the
     * same value (a 53-bit draw rounded to float could round differently than it does in double).
     */
    public static float symmetricFloat(long block, long index) {
        int bits = (int) (mix(block + (index + 1) * GOLDEN) >>> 40);
        return bits * 0x1.0p-23f - 1f;
    }

    /**
     * Standard normal by Box-Muller from the uniforms at 2i and 2i+1. StrictMath keeps the bits the same on
     * every JVM and CPU, which plain Math does not promise.
     */
    public static double normal(long block, long index) {
        double u1 = 1.0 - uniform(block, 2 * index);
        double u2 = uniform(block, 2 * index + 1);
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
