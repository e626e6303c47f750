package org.gansweep.engine.point;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gansweep.engine.EngineException;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.VectorMath;
import org.gansweep.plan.PlannedRun;

/**
 * Drives {@link PointFusedBatch}: runs are split into one chunk per thread, and each thread trains its
 * chunk from one log point to the next with no synchronization (runs never interact); the trajectory is
 * logged between segments. The same tracker as the ND4J path decides outcomes.
 */
final class PointFusedTrainer {
    /** Below this many runs per thread, starting threads costs more than it saves. */
    private static final int MIN_RUNS_PER_THREAD = 256;

    private PointFusedTrainer() {
    }

    static List<RunResult> train(List<PlannedRun> runs, int threads, RunListener listener) {
        PointFusedBatch batch = new PointFusedBatch(runs);
        PointTracker tracker = new PointTracker(runs, batch.shape.steps());
        PointTracker.Params params = PointTracker.Params.of(batch.gen, batch.disc);
        int count = runs.size();
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, params, batch.scoreOfRealPoint(r), Double.NaN, Double.NaN, Double.NaN);
        }
        int chunks = Math.max(1, Math.min(threads, count / MIN_RUNS_PER_THREAD));
        ExecutorService pool = chunks > 1 ? Executors.newFixedThreadPool(chunks) : null;
        try {
            long step = 0;
            while (step < batch.shape.steps()) {
                long from = step;
                long to = Math.min(batch.shape.steps(), (step / batch.shape.logEvery() + 1) * batch.shape.logEvery());
                segment(batch, tracker, params, from, to, chunks, pool);
                List<Integer> diverged = tracker.checkDivergence(to, params);
                for (int r = 0; r < count; r++) {
                    if (tracker.active(r) || diverged.contains(r)) {
                        tracker.log(r, to, params, batch.scoreOfRealPoint(r), batch.fakeScore[r], batch.lossD[r],
                                batch.lossG[r]);
                    }
                }
                for (int r : diverged) {
                    batch.freeze(r);
                }
                listener.onProgress(to * count, batch.shape.steps() * count);
                step = to;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        List<RunResult> results = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            results.add(tracker.result(r));
        }
        return results;
    }

    private static void segment(PointFusedBatch batch, PointTracker tracker, PointTracker.Params params, long from,
                                long to, int chunks, ExecutorService pool) {
        int vectors = batch.lanes / VectorMath.SPECIES.length();
        if (pool == null) {
            steps(batch, tracker, params, from, to, 0, batch.lanes);
            return;
        }
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            // Chunks start and end on vector boundaries, so no run ever shares a vector across threads.
            int first = (int) ((long) vectors * c / chunks) * VectorMath.SPECIES.length();
            int last = (int) ((long) vectors * (c + 1) / chunks) * VectorMath.SPECIES.length();
            work.add(pool.submit(() -> steps(batch, tracker, params, from, to, first, last)));
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("training interrupted", e);
            } catch (ExecutionException e) {
                throw new EngineException("fused kernel failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Steps from+1 .. to for runs [first, last); the last step records what the trajectory logs. */
    private static void steps(PointFusedBatch batch, PointTracker tracker, PointTracker.Params params, long from,
                              long to, int first, int last) {
        for (long step = from + 1; step <= to; step++) {
            boolean record = step == to;
            for (int j = 0; j < batch.shape.dSteps(); j++) {
                batch.updateDiscriminator((step - 1) * batch.shape.dSteps() + j, first, last, record && j == batch.shape.dSteps() - 1);
            }
            for (int j = 0; j < batch.shape.gSteps(); j++) {
                batch.updateGenerator((step - 1) * batch.shape.gSteps() + j, first, last, record && j == batch.shape.gSteps() - 1);
            }
            tracker.observeCriterion(step, params, first, Math.min(last, batch.runs));
        }
    }
}
