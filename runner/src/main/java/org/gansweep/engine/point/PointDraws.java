package org.gansweep.engine.point;

/** The purposes of a point run's random draws; both engine paths draw exactly these. */
final class PointDraws {
    static final int INIT = 0;
    static final int D_INPUT = 1;
    static final int WEIGHT_NOISE = 2;
    static final int D_INSTANCE = 3;
    static final int G_INPUT = 4;
    static final int G_INSTANCE = 5;

    private PointDraws() {
    }
}
