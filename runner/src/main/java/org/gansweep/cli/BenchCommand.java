package org.gansweep.cli;

import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.engine.Backends;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Experiments;
import org.gansweep.engine.Numerics;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKeys;

/**
 * Throughput of the batched engine against the same runs trained one at a time, measured side by side in
 * one process. Figures, not a test: the machines are noisy, so read ratios and repeat.
 */
@Parameters(commandDescription = "Measure run-steps/s, batched vs one run at a time")
final class BenchCommand implements Command {
    /** One-at-a-time training of this many runs is enough for a stable rate; more only costs time. */
    private static final int SEQUENTIAL_SAMPLE = 4;

    @com.beust.jcommander.Parameter(names = "--experiment", description = "experiment to measure")
    String experiment = "point";

    @com.beust.jcommander.Parameter(names = "--runs", description = "batch sizes R, comma-separated")
    String runs = "1,16,256,4096";

    @com.beust.jcommander.Parameter(names = "--steps", description = "training steps per measurement")
    long steps = 200;

    @com.beust.jcommander.Parameter(names = "--threads", description = "ND4J threads (0 = ND4J default)")
    int threads = 0;

    @com.beust.jcommander.Parameter(names = {"-h", "--help"}, help = true, description = "this help")
    boolean help;

    @Override
    public boolean help() {
        return help;
    }

    @Override
    public int call(PrintStream out, PrintStream err) {
        Experiment engine = Experiments.all().get(experiment);
        if (engine == null) {
            throw new UsageException("--experiment " + experiment + ": expected one of " + Experiments.all().keySet());
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : runs.split(",")) {
            try {
                sizes.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--runs " + runs + ": expected comma-separated positive integers");
            }
        }
        if (sizes.stream().anyMatch(s -> s < 1) || steps < 1) {
            throw new UsageException("--runs and --steps should be positive");
        }
        Numerics numerics = Backends.start("auto", Precision.FLOAT, threads);
        out.printf(Locale.ROOT, "bench %s, %d steps, %s %s (%s)%n", experiment, steps, numerics.backend(),
                numerics.dtype(), numerics.device());
        rate(engine, 16, 1);
        out.printf(Locale.ROOT, "%8s  %18s  %18s  %8s%n", "R", "batched run-steps/s", "one-at-a-time", "ratio");
        for (int size : sizes) {
            double batched = rate(engine, size, 1);
            double sequential = rate(engine, Math.min(size, SEQUENTIAL_SAMPLE), Math.min(size, SEQUENTIAL_SAMPLE));
            out.printf(Locale.ROOT, "%8d  %18.0f  %18.0f  %8.1f%n", size, batched, sequential, batched / sequential);
        }
        return Main.OK;
    }

    /** Run-steps/s training `count` runs in batches of count / pieces. */
    private double rate(Experiment engine, int count, int pieces) {
        List<PlannedRun> all = runs(engine, count);
        int per = count / pieces;
        long start = System.nanoTime();
        for (int p = 0; p < pieces; p++) {
            engine.train(all.subList(p * per, (p + 1) * per), Precision.FLOAT, RunListener.NONE);
        }
        return count * (double) steps / ((System.nanoTime() - start) / 1e9);
    }

    private List<PlannedRun> runs(Experiment engine, int count) {
        Map<String, Object> values = new TreeMap<>(Defaults.of(engine));
        Parameter stepsParameter = engine.schema().parameter("steps").orElseThrow();
        values.put("steps", stepsParameter.normalize(steps).orElseThrow(() -> new UsageException("--steps " + steps
                + ": expected " + stepsParameter.rule())));
        values.put("log_every", Math.max(1L, steps / 10));
        ResolvedConfig config = new ResolvedConfig(new TreeMap<>(values));
        GroupKey group = RunKeys.group(engine.name(), config);
        List<PlannedRun> list = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
            list.add(new PlannedRun(RunKeys.run(engine.name(), config, seed), group, engine.name(), config, seed));
        }
        return list;
    }
}
