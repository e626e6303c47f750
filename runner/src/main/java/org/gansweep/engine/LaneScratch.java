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
    static final int UNIT_MAJOR_W = 4;
    static final int UNIT_MAJOR_Y = 5;
    /** {@link LaneTiles}' copy of one group's weights. */
    static final int TILE = 6;
    /** Float slots: patterns of float runs, and {@link LaneTiles}' float copies of weights, inputs and outputs. */
    static final int FLOAT_PATTERN = 0;
    static final int TILE_WEIGHTS = 1;
    static final int TILE_INPUTS = 2;
    static final int TILE_OUTPUTS = 3;
    private final double[][] slots = new double[7][0];
    private final float[][] floatSlots = new float[4][0];

    /** The slot's array, at least length entries long (contents left from earlier use). */
    double[] get(int slot, int length) {
        if (slots[slot].length < length) {
            slots[slot] = new double[length];
        }
        return slots[slot];
    }

    /** The float pattern array (patterns of float runs), at least length entries long. */
    float[] floats(int length) {
        return floats(FLOAT_PATTERN, length);
    }

    /** The float slot's array, at least length entries long (contents left from earlier use). */
    float[] floats(int slot, int length) {
        if (floatSlots[slot].length < length) {
            floatSlots[slot] = new float[length];
        }
        return floatSlots[slot];
    }
}
