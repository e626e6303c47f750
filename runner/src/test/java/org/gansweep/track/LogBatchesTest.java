package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogBatchesTest {
    @Test
    void everyRequestStaysWithinTheServerLimitsAndNothingIsLostOrReordered() {
        List<MetricPoint> metrics = IntStream.range(0, 2500).mapToObj(i -> new MetricPoint("m", i, 1, i)).toList();
        List<KeyValue> params = IntStream.range(0, 150).mapToObj(i -> new KeyValue("p" + i, "v")).toList();
        List<KeyValue> tags = IntStream.range(0, 120).mapToObj(i -> new KeyValue("t" + i, "v")).toList();
        List<LogBatches.Batch> batches = LogBatches.split(metrics, params, tags);
        // First request: 100 params + 100 tags leave room for 800 metrics; then 50 + 20 + 930; then 770.
        assertEquals(List.of(800, 930, 770), batches.stream().map(b -> b.metrics().size()).toList());
        assertEquals(List.of(100, 50, 0), batches.stream().map(b -> b.params().size()).toList());
        assertEquals(List.of(100, 20, 0), batches.stream().map(b -> b.tags().size()).toList());
        List<MetricPoint> allMetrics = new ArrayList<>();
        List<KeyValue> allParams = new ArrayList<>();
        List<KeyValue> allTags = new ArrayList<>();
        for (LogBatches.Batch batch : batches) {
            assertTrue(batch.size() <= LogBatches.MAX_ITEMS);
            assertTrue(batch.metrics().size() <= LogBatches.MAX_METRICS);
            assertTrue(batch.params().size() <= LogBatches.MAX_PARAMS);
            assertTrue(batch.tags().size() <= LogBatches.MAX_TAGS);
            allMetrics.addAll(batch.metrics());
            allParams.addAll(batch.params());
            allTags.addAll(batch.tags());
        }
        assertEquals(metrics, allMetrics);
        assertEquals(params, allParams);
        assertEquals(tags, allTags);
    }

    @Test
    void nothingToLogIsNoRequest() {
        assertEquals(List.of(), LogBatches.split(List.of(), List.of(), List.of()));
    }
}
