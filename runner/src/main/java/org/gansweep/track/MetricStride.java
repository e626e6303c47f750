package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;

/**
 * Which trajectory rows become MLflow metric points. The UI plots about 320 points per series and a
 * logBatch holds 1000 metrics, so a long trajectory is thinned to an even stride, keeping its first and
 * last rows (the start and the final state are what a reader checks first). The full-resolution
 * trajectory stays in the run's trajectory.csv artifact.
 */
public final class MetricStride {
    private MetricStride() {
    }

    /** Row indices to log: every row when {@code rows <= maxPoints}, else every k-th plus the last. */
    public static List<Integer> rows(int rows, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        }
        List<Integer> picked = new ArrayList<>();
        if (rows <= 0) {
            return picked;
        }
        // ceil((rows - 1) / (maxPoints - 1)) keeps the strided rows plus the last one within maxPoints.
        int stride = rows <= maxPoints ? 1 : (rows - 2) / (maxPoints - 1) + 1;
        for (int i = 0; i < rows; i += stride) {
            picked.add(i);
        }
        if (picked.get(picked.size() - 1) != rows - 1) {
            picked.add(rows - 1);
        }
        return picked;
    }
}
