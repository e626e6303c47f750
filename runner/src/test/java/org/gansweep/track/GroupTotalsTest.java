package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a group run receives: the comparison with the reference as metrics, the verdict as a tag. */
class GroupTotalsTest {
    private static GroupTotals group(Optional<VersusReference> versus, boolean reference) {
        return new GroupTotals("g1", new TreeMap<>(Map.of("weight_noise", 1.5)), 16, 4, 0.1, 0.5, OptionalDouble.empty(),
                new TreeMap<>(Map.of("converged", 4, "oscillating", 12)), List.of(), versus, reference);
    }

    private static Map<String, Double> comparisonMetrics(GroupTotals group) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricPoint m : group.metrics(7)) {
            if (m.key().startsWith("vs_ref")) {
                assertEquals(16, m.step(), m.key());
                metrics.put(m.key(), m.value());
            }
        }
        return metrics;
    }

    @Test
    void aComparedGroupLogsItsDifferencesAsMetricsAndItsVerdictAsATag() {
        GroupTotals worse = group(Optional.of(new VersusReference("worse", -0.625, -0.81, -0.32, 0.0004, 0.004,
                Optional.of(new VersusReference.Steps(350, 120, 610)))), false);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("vs_ref_diff", -0.625);
        expected.put("vs_ref_diff_lo", -0.81);
        expected.put("vs_ref_diff_hi", -0.32);
        expected.put("vs_ref_p", 0.0004);
        expected.put("vs_ref_p_holm", 0.004);
        expected.put("vs_ref_steps_diff", 350.0);
        expected.put("vs_ref_steps_lo", 120.0);
        expected.put("vs_ref_steps_hi", 610.0);
        assertEquals(expected, comparisonMetrics(worse));
        assertEquals(List.of(new KeyValue("vs_ref_verdict", "worse")), worse.tags());
    }

    @Test
    void withoutConvergedRunsTheStepsMetricsAreLeftOut() {
        GroupTotals none = group(Optional.of(new VersusReference("no evidence", -0.1, -0.3, 0.1, 0.5, 1.0,
                Optional.empty())), false);
        assertEquals(List.of("vs_ref_diff", "vs_ref_diff_lo", "vs_ref_diff_hi", "vs_ref_p", "vs_ref_p_holm"),
                List.copyOf(comparisonMetrics(none).keySet()));
        assertEquals(List.of(new KeyValue("vs_ref_verdict", "no evidence")), none.tags());
    }

    @Test
    void theReferenceIsTaggedAsSuchAndAnUncomparedSweepHasNoComparison() {
        GroupTotals reference = group(Optional.empty(), true);
        assertEquals(Map.of(), comparisonMetrics(reference));
        assertEquals(List.of(new KeyValue("vs_ref_verdict", "reference")), reference.tags());
        GroupTotals uncompared = group(Optional.empty(), false);
        assertEquals(Map.of(), comparisonMetrics(uncompared));
        assertEquals(List.of(), uncompared.tags());
        assertThrows(IllegalArgumentException.class, () -> group(Optional.of(new VersusReference("better", 0.1, 0, 0.2,
                0.01, 0.01, Optional.empty())), true));
    }
}
