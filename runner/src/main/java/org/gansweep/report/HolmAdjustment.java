package org.gansweep.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values for multiple comparisons (S. Holm, "A simple sequentially rejective
 * multiple test procedure", Scandinavian Journal of Statistics 6:65-70, 1979), as R's p.adjust(method =
 * "holm"). With eleven groups, a few beat the baseline at p < 0.05 by seed noise alone; Holm controls the
 * chance of any false "better" or "worse" across the sweep, and unlike Bonferroni it never loses power.
 */
public final class HolmAdjustment {
    private HolmAdjustment() {
    }

    /** The adjusted p-values, in the order given: monotone in the raw p-values and at most 1. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            // The smallest p faces m tests, the next m - 1, ...; the running maximum keeps the order of the raw p.
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
