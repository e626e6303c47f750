package org.gansweep.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.gansweep.plan.PlannedRun;

/**
 * Runs a Java kernel over a batch in independent chunks of runs, one thread per chunk at a time. A run's
 * lane never reads another run's, so a chunk is just a smaller batch: the results are the same bits for
 * any chunk size and thread count, and chunks of a few hundred runs keep a step's working set in cache.
 */
public final class LaneChunks {
    /** Trains one chunk as a batch of its own, reporting run-steps done within the chunk. */
    @FunctionalInterface
    public interface ChunkTrainer {
        List<RunResult> train(List<PlannedRun> chunk, RunListener listener);
    }

    /** Runs per chunk: big enough to fill vector lanes, small enough that a step's arrays stay in L2. */
    public static final int DEFAULT_CHUNK = 256;

    private LaneChunks() {
    }

    public static List<RunResult> train(List<PlannedRun> runs, int threads, int chunkSize, ChunkTrainer trainer,
                                        RunListener listener) {
        List<List<PlannedRun>> chunks = chunks(runs, threads, chunkSize);
        AtomicLongArray done = new AtomicLongArray(chunks.size());
        int workers = Math.max(1, Math.min(threads, chunks.size()));
        if (workers == 1) {
            List<RunResult> results = new ArrayList<>(runs.size());
            long before = 0;
            for (List<PlannedRun> chunk : chunks) {
                long offset = before;
                List<RunResult> chunkResults = trainer.train(chunk, new RunListener() {
                    @Override
                    public void onProgress(long runStepsDone, long runStepsTotal) {
                        listener.onProgress(offset + runStepsDone, -1);
                    }
                });
                results.addAll(chunkResults);
                before += stepsOf(chunkResults);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "gansweep-lanes");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<RunResult>>> futures = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                int index = c;
                futures.add(pool.submit(() -> trainer.train(chunks.get(index), new RunListener() {
                    @Override
                    public void onProgress(long runStepsDone, long runStepsTotal) {
                        done.set(index, runStepsDone);
                        long sum = 0;
                        for (int k = 0; k < done.length(); k++) {
                            sum += done.get(k);
                        }
                        synchronized (listener) {
                            listener.onProgress(sum, -1);
                        }
                    }
                })));
            }
            List<RunResult> results = new ArrayList<>(runs.size());
            for (Future<List<RunResult>> future : futures) {
                results.addAll(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("training interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EngineException("training failed: " + cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Even chunks, in order: with T threads and N runs, at least T chunks when there are enough runs to share. */
    static List<List<PlannedRun>> chunks(List<PlannedRun> runs, int threads, int chunkSize) {
        int wanted = Math.max((runs.size() + chunkSize - 1) / chunkSize, Math.min(threads, runs.size()));
        int size = (runs.size() + wanted - 1) / wanted;
        List<List<PlannedRun>> chunks = new ArrayList<>();
        for (int start = 0; start < runs.size(); start += size) {
            chunks.add(runs.subList(start, Math.min(runs.size(), start + size)));
        }
        return chunks;
    }

    private static long stepsOf(List<RunResult> results) {
        long steps = 0;
        for (RunResult result : results) {
            steps += result.steps();
        }
        return steps;
    }
}
