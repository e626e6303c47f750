package org.gansweep.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gansweep.engine.Backends;
import org.gansweep.engine.BatchTiming;
import org.gansweep.engine.BatchTrainer;
import org.gansweep.engine.Experiments;
import org.gansweep.engine.Numerics;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.RunPlan;
import org.gansweep.record.Provenance;
import org.gansweep.record.ResultStore;

/** Trains every run of the sweep (or shard) that is not complete yet, then reports. */
@Parameters(commandDescription = "Train the runs of a sweep that are not done yet; resumable, shardable")
final class RunCommand extends SweepOptions implements Command {
    /** Batches up to this size run faster on one ND4J thread (per-op overhead dominates); larger on all cores. */
    private static final int SINGLE_THREAD_BELOW = 1024;

    @Parameter(names = "--backend", description = "auto, cpu or cuda; cuda fails if it cannot load")
    String backend = "auto";

    @Parameter(names = "--dtype", description = "float or double")
    String dtype = "float";

    @Parameter(names = "--threads", description = "ND4J threads; 0 = 1 for small batches, all cores for large")
    int threads = 0;

    @Parameter(names = "--max-batch", description = "most runs trained together in one tensor program")
    int maxBatch = 4096;

    @Override
    public boolean help() {
        return help;
    }

    @Override
    public int call(PrintStream out, PrintStream err) {
        RunPlan whole = plan();
        RunPlan mine = whole.shard(shard());
        if (!Backends.CHOICES.contains(backend)) {
            throw new UsageException("--backend " + backend + ": expected one of " + String.join(", ", Backends.CHOICES));
        }
        Precision precision = switch (dtype) {
            case "float" -> Precision.FLOAT;
            case "double" -> Precision.DOUBLE;
            default -> throw new UsageException("--dtype " + dtype + ": expected float or double");
        };
        if (maxBatch < 1) {
            throw new UsageException("--max-batch " + maxBatch + ": expected an integer >= 1");
        }
        if (threads < 0) {
            throw new UsageException("--threads " + threads + ": expected an integer >= 0 (0 = automatic)");
        }
        ResultStore store = ResultStore.open(Path.of(results), whole.spec().name());
        BatchTrainer trainer = new BatchTrainer(Experiments.all(), precision, maxBatch);
        List<PlannedRun> todo = mine.runs().stream().filter(r -> !store.isComplete(r.key())).toList();
        int largest = trainer.batches(todo).stream().mapToInt(List::size).max().orElse(0);
        int nd4jThreads = threads > 0 ? threads : largest < SINGLE_THREAD_BELOW ? 1 : Runtime.getRuntime().availableProcessors();
        Numerics numerics = Backends.start(backend, precision, nd4jThreads);
        store.writeSweep(whole.spec().text(), whole.spec().specHash(), whole.runs(), whole.varyingKeys());
        err.printf(Locale.ROOT, "sweep %s: %d runs in shard %s, %d already done, %d to train on %s %s (%s)%n",
                whole.spec().name(), mine.runs().size(), mine.shard(), mine.runs().size() - todo.size(), todo.size(),
                numerics.backend(), numerics.dtype(), numerics.device());

        long start = System.nanoTime();
        long[] writeNanos = {0};
        Progress progress = new Progress(err, todo.size());
        trainer.train(todo, new RunListener() {
            @Override
            public void onProgress(long done, long total) {
                progress.steps(done, total);
            }

            @Override
            public void onRunFinished(RunResult result, BatchTiming timing) {
                long t = System.nanoTime();
                store.writeRun(result, Provenance.of(numerics, timing));
                writeNanos[0] += System.nanoTime() - t;
                progress.runFinished();
            }
        });
        progress.finish();
        long reportStart = System.nanoTime();
        int code = ReportCommand.report(store, whole.spec().name(), out);
        double total = (System.nanoTime() - start) / 1e9;
        double writing = writeNanos[0] / 1e9 + (System.nanoTime() - reportStart) / 1e9;
        err.printf(Locale.ROOT, "wall time %s: training %s, results writing and report %s (%.1f%%)%n",
                Progress.duration(total), Progress.duration(total - writing), Progress.duration(writing),
                total > 0 ? 100 * writing / total : 0);
        return code;
    }
}
