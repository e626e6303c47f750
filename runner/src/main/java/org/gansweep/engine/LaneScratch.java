package org.gansweep.engine;

/**
 * Work arrays of a {@link LaneNet} for {@link LaneLayers}, by slot, grown on demand and then reused, so a
 * step allocates nothing once the largest sizes have been seen. Not thread-safe (one per net).
 */
final class LaneScratch {
    static final int SUM = 0;
    static final int PATTERN = 1;
    static final int SAMPLE_MAJOR_G = 2;
    static final int SAMPLE_MAJOR_H = 3;
    private final double[][] slots = new double[4][0];
    private float[] floats = new float[0];

    /** The slot's array, at least length entries long (contents left from earlier use). */
    double[] get(int slot, int length) {
        if (slots[slot].length < length) {
            slots[slot] = new double[length];
        }
        return slots[slot];
    }

    /** The float work array (patterns of float runs), at least length entries long. */
    float[] floats(int length) {
        if (floats.length < length) {
            floats = new float[length];
        }
        return floats;
    }
}
