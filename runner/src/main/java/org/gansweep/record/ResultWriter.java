package org.gansweep.record;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gansweep.engine.RunResult;

/**
 * Writes finished runs on background threads, so formatting and file I/O overlap training of the next
 * batch. At most {@code capacity} runs wait in memory (a full queue makes training wait: results are never
 * dropped). The first failure (disk full, unwritable folder) is kept and rethrown to the training thread
 * at its next submit or at {@link #finish()}; runs not yet written are simply trained again on resume,
 * since a run is complete only when its summary.json exists.
 */
public final class ResultWriter implements AutoCloseable {
    private final ResultStore store;
    private final ExecutorService threads;
    private final Semaphore slots;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final java.util.Map<org.gansweep.plan.RunKey, RunRecord> written = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Consumer<RunRecord> onWritten;

    public ResultWriter(ResultStore store, int threadCount, int capacity) {
        this(store, threadCount, capacity, record -> { });
    }

    /** {@code onWritten} sees each run once its files are complete on disk (on a writer thread). */
    public ResultWriter(ResultStore store, int threadCount, int capacity,
                        java.util.function.Consumer<RunRecord> onWritten) {
        this.store = store;
        this.onWritten = onWritten;
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "gansweep-writer");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(capacity);
    }

    public void submit(RunResult result, Provenance provenance) {
        rethrow();
        slots.acquireUninterruptibly();
        threads.execute(() -> {
            try {
                if (failure.get() == null) {
                    store.writeRun(result, provenance);
                    RunRecord record = RunRecord.of(result, provenance);
                    written.put(result.run().key(), record);
                    onWritten.accept(record);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every submitted run is on disk; rethrows the first write failure. */
    public void finish() {
        threads.shutdown();
        try {
            while (!threads.awaitTermination(1, TimeUnit.SECONDS)) {
                // Keep waiting: every queued result is written or has failed.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing results", e);
        }
        rethrow();
    }

    /** The records of the runs written so far, so a report need not read them back from disk. */
    public java.util.Map<org.gansweep.plan.RunKey, RunRecord> written() {
        return java.util.Map.copyOf(written);
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e instanceof StoreException ? e : new StoreException("writing results failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
