package org.gansweep.track;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits metrics, params and tags into logBatch requests the server accepts: at most 1000 metrics, 100
 * params, 100 tags and 1000 items in total per request. The client sends whatever it is given, and the
 * server rejects an oversized batch as a whole (a 400). A seed run's content is sized to fit one request
 * ({@link RunContent}); group runs, with their bands, may take a few.
 */
public final class LogBatches {
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ITEMS = 1000;

    /** One request's content. */
    public record Batch(List<MetricPoint> metrics, List<KeyValue> params, List<KeyValue> tags) {
        public Batch {
            metrics = List.copyOf(metrics);
            params = List.copyOf(params);
            tags = List.copyOf(tags);
        }

        public int size() {
            return metrics.size() + params.size() + tags.size();
        }
    }

    private LogBatches() {
    }

    /** Params and tags first (the run is labelled even if a later metric batch fails), then metrics. */
    public static List<Batch> split(List<MetricPoint> metrics, List<KeyValue> params, List<KeyValue> tags) {
        List<Batch> batches = new ArrayList<>();
        int p = 0;
        int t = 0;
        int m = 0;
        while (p < params.size() || t < tags.size() || m < metrics.size()) {
            int takeParams = Math.min(MAX_PARAMS, params.size() - p);
            int takeTags = Math.min(MAX_TAGS, tags.size() - t);
            int takeMetrics = Math.min(Math.min(MAX_METRICS, MAX_ITEMS - takeParams - takeTags), metrics.size() - m);
            batches.add(new Batch(metrics.subList(m, m + takeMetrics), params.subList(p, p + takeParams),
                    tags.subList(t, t + takeTags)));
            p += takeParams;
            t += takeTags;
            m += takeMetrics;
        }
        return batches;
    }
}
