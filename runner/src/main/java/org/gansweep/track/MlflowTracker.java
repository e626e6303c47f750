package org.gansweep.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.gansweep.record.RunRecord;

/**
 * Logs finished runs to MLflow on its own threads, behind a bounded queue, while training goes on.
 * Training never waits on the network: {@link #offer} never blocks, and a run that finds the queue full is
 * simply not logged now. Nothing is lost by that: every run is in the results store before it is offered,
 * and {@code gansweep sync} pushes what MLflow lacks. A run whose requests still fail after their retries
 * ({@link MlflowHttp}) is counted and the next run is tried: one failure never ends logging for the sweep.
 * Only a failed connect (no experiment to log into) does.
 */
public final class MlflowTracker {
    /** How the logging went: counts, and the last failure if any (null when none). */
    public record Outcome(int offered, int logged, String failure) {
        public int notLogged() {
            return offered - logged;
        }
    }

    private final BlockingQueue<RunRecord> queue;
    private final CompletableFuture<MlflowMirror> mirror;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger offered = new AtomicInteger();
    private final AtomicInteger logged = new AtomicInteger();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean closing;

    /**
     * Starts connecting (on a background thread) and {@code threads} loggers that take runs from a queue of
     * at most {@code capacity} runs.
     */
    public MlflowTracker(Supplier<MlflowMirror> connect, int capacity, int threads) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.mirror = CompletableFuture.supplyAsync(() -> {
            try {
                return connect.get();
            } catch (RuntimeException e) {
                fail(e);
                return null;
            }
        }, runnable -> daemon(runnable, "gansweep-mlflow-connect").start());
        for (int i = 0; i < threads; i++) {
            Thread worker = daemon(this::drain, "gansweep-mlflow-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        // Daemon: a hung request must never keep the JVM alive after the sweep is done.
        thread.setDaemon(true);
        return thread;
    }

    /** Queues a stored run for logging; never blocks. */
    public void offer(RunRecord run) {
        offered.incrementAndGet();
        if (!mirror.isDone() || mirror.getNow(null) != null) {
            queue.offer(run);
        }
    }

    private void drain() {
        MlflowMirror target = mirror.join();
        if (target == null) {
            return;
        }
        while (true) {
            RunRecord run;
            try {
                run = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (run == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            try {
                target.logRun(run);
                logged.incrementAndGet();
            } catch (RuntimeException e) {
                // Counted (offered, not logged) and left for sync, which replaces the cut-off run.
                failure.set(message(e));
            }
        }
    }

    private void fail(RuntimeException e) {
        failure.set(message(e));
        queue.clear();
    }

    private static String message(RuntimeException e) {
        if (e instanceof org.gansweep.internal.GansweepException) {
            return e.getMessage();
        }
        return "MLflow: " + (e.getMessage() == null ? "failed without a reason" : e.getMessage().lines().findFirst()
                .orElse(""));
    }

    /**
     * No more runs will come: waits until the queue is logged or {@code wait} has passed, then logs the group
     * and sweep totals (when connected) and says how it went.
     */
    public Outcome finish(Duration wait, Supplier<List<GroupTotals>> totals) {
        return finish(wait, totals, mirror -> { });
    }

    /**
     * As {@link #finish(Duration, Supplier)}, then {@code then} with the mirror (uploading pictures drawn
     * after training), when connected.
     */
    public Outcome finish(Duration wait, Supplier<List<GroupTotals>> totals,
                          java.util.function.Consumer<MlflowMirror> then) {
        closing = true;
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        boolean done = workers.stream().noneMatch(Thread::isAlive);
        if (!done) {
            failure.set("MLflow did not take the runs within " + wait.toSeconds() + " s");
            queue.clear();
        } else if (mirror.isDone() && mirror.join() != null) {
            try {
                mirror.join().logTotals(totals.get());
                then.accept(mirror.join());
            } catch (RuntimeException e) {
                failure.set(message(e));
            }
        }
        return new Outcome(offered.get(), logged.get(), failure.get());
    }

    /** Runs logged so far; for progress lines. */
    public int logged() {
        return logged.get();
    }
}
