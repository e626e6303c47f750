package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricStrideTest {
    @Test
    void shortTrajectoriesKeepEveryRow() {
        assertEquals(IntStream.range(0, 301).boxed().toList(), MetricStride.rows(301, 1000));
        assertEquals(List.of(), MetricStride.rows(0, 100));
        assertEquals(List.of(0), MetricStride.rows(1, 100));
    }

    @Test
    void longTrajectoriesKeepAnEvenStrideThenTheLastRowWithinTheBound() {
        // 301 rows, at most 100 points: stride ceil(300 / 99) = 4 gives rows 0, 4, ..., 300 (76 points).
        List<Integer> rows = MetricStride.rows(301, 100);
        assertEquals(76, rows.size());
        assertEquals(0, rows.get(0));
        assertEquals(4, rows.get(1));
        assertEquals(300, rows.get(rows.size() - 1));
        // 3002 rows at most 1000: stride ceil(3001 / 999) = 4 -> 0..3000 (751) plus the last row 3001.
        List<Integer> tail = MetricStride.rows(3002, 1000);
        assertEquals(752, tail.size());
        assertEquals(List.of(2996, 3000, 3001), tail.subList(749, 752));
        for (int n = 2; n < 5000; n += 37) {
            for (int max : new int[] {2, 3, 100, 320, 1000}) {
                List<Integer> picked = MetricStride.rows(n, max);
                assertTrue(picked.size() <= max, n + " rows, max " + max + ": " + picked.size());
                assertEquals(0, picked.get(0));
                assertEquals(n - 1, picked.get(picked.size() - 1));
            }
        }
    }

    @Test
    void refusesABoundBelowTwo() {
        assertThrows(IllegalArgumentException.class, () -> MetricStride.rows(10, 1));
    }
}
