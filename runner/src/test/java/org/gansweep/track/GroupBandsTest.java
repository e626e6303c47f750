package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gansweep.engine.Trajectory;
import org.junit.jupiter.api.Test;

class GroupBandsTest {
    private static Trajectory seed(double... w) {
        List<double[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            rows.add(new double[] {10 * i, w[i], -w[i]});
        }
        return new Trajectory(List.of("step", "w", "b"), rows);
    }

    @Test
    void bandsAreTheMedianAndQuartilesAcrossSeedsStepByStep() {
        // Four seeds at step 0: 1, 2, 4, 8 -> median 3, 25% 1.75, 75% 5. At step 10 one seed is NaN and one has
        // stopped (diverged): 3, 5 remain -> median 4, 25% 3.5, 75% 4.5.
        List<Trajectory> seeds = List.of(seed(1, 3), seed(2, Double.NaN), seed(4, 5), seed(8));
        List<MetricPoint> bands = GroupBands.of(seeds, List.of("w"), 100, 7);
        assertEquals(List.of(new MetricPoint("w/median", 3, 7, 0), new MetricPoint("w/p25", 1.75, 7, 0),
                new MetricPoint("w/p75", 5, 7, 0), new MetricPoint("w/median", 4, 7, 10),
                new MetricPoint("w/p25", 3.5, 7, 10), new MetricPoint("w/p75", 4.5, 7, 10)), bands);
    }

    @Test
    void withoutNamedColumnsTheFirstTwoAreBandedAndStepsAreThinnedToThePointsGiven() {
        List<Trajectory> seeds = List.of(seed(1, 2, 3, 4, 5), seed(1, 2, 3, 4, 5));
        List<MetricPoint> bands = GroupBands.of(seeds, List.of(), 3, 0);
        assertEquals(List.of("w/median", "b/median"), bands.stream().map(MetricPoint::key).distinct()
                .filter(k -> k.endsWith("median")).toList());
        assertEquals(List.of(0L, 20L, 40L), bands.stream().filter(m -> m.key().equals("w/median"))
                .map(MetricPoint::step).toList());
    }
}
