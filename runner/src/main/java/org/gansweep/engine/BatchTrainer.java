package org.gansweep.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.plan.PlannedRun;

/**
 * Trains a list of planned runs as few tensor programs as possible: runs of one experiment whose batch
 * shapes agree train together, in chunks of at most maxBatch runs (memory, not sweep size, bounds a
 * batch). Batches run one after another in plan order, so results stream out batch by batch.
 */
public final class BatchTrainer {
    private final Map<String, Experiment> experiments;
    private final Precision precision;
    private final int maxBatch;

    public BatchTrainer(Map<String, Experiment> experiments, Precision precision, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch < 1");
        }
        this.experiments = Map.copyOf(experiments);
        this.precision = precision;
        this.maxBatch = maxBatch;
    }

    /** The batches these runs will train in, in order. */
    public List<List<PlannedRun>> batches(List<PlannedRun> runs) {
        Map<String, List<PlannedRun>> byShape = new LinkedHashMap<>();
        for (PlannedRun run : runs) {
            String shape = experiment(run).batchShape(run.config());
            byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(run);
        }
        List<List<PlannedRun>> batches = new ArrayList<>();
        for (List<PlannedRun> group : byShape.values()) {
            for (int start = 0; start < group.size(); start += maxBatch) {
                batches.add(List.copyOf(group.subList(start, Math.min(group.size(), start + maxBatch))));
            }
        }
        return batches;
    }

    /** Total run-steps of these runs: the unit of progress and throughput. */
    public long runSteps(List<PlannedRun> runs) {
        long total = 0;
        for (PlannedRun run : runs) {
            total += experiment(run).steps(run.config());
        }
        return total;
    }

    public void train(List<PlannedRun> runs, RunListener listener) {
        long total = runSteps(runs);
        long before = 0;
        for (List<PlannedRun> batch : batches(runs)) {
            long offset = before;
            RunListener global = new RunListener() {
                @Override
                public void onProgress(long done, long batchTotal) {
                    listener.onProgress(offset + done, total);
                }
            };
            long start = System.nanoTime();
            List<RunResult> results = experiment(batch.get(0)).train(batch, precision, global);
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchTiming timing = new BatchTiming(seconds, batch.size(), experiment(batch.get(0)).steps(batch.get(0).config()));
            for (RunResult result : results) {
                listener.onRunFinished(result, timing);
            }
            before += runSteps(batch);
        }
    }

    private Experiment experiment(PlannedRun run) {
        Experiment experiment = experiments.get(run.experiment());
        if (experiment == null) {
            throw new EngineException("no engine for experiment " + run.experiment());
        }
        return experiment;
    }
}
