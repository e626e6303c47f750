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
import org.gansweep.engine.point.PointPlainLoop;
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

    @com.beust.jcommander.Parameter(names = "--dtype", description = "float or double")
    String dtype = "float";

    @com.beust.jcommander.Parameter(names = "--threads", description = "ND4J threads (0 = ND4J default)")
    int threads = 0;

    @com.beust.jcommander.Parameter(names = "--memory", description = "also measure resident memory: R = --memory-runs"
            + " trained for --steps and for 10x --steps, on each kernel")
    boolean memory;

    @com.beust.jcommander.Parameter(names = "--memory-runs", description = "R for --memory")
    int memoryRuns = 65536;

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
        Precision precision = switch (dtype) {
            case "float" -> Precision.FLOAT;
            case "double" -> Precision.DOUBLE;
            default -> throw new UsageException("--dtype " + dtype + ": expected float or double");
        };
        Numerics numerics = Backends.start("auto", precision, threads);
        out.printf(Locale.ROOT, "bench %s, %d steps, %s %s (%s)%n", experiment,
                engine.steps(runs(engine, 1).get(0).config()), numerics.backend(), numerics.dtype(), numerics.device());
        int cores = Runtime.getRuntime().availableProcessors();
        Experiment fused = Experiments.all(true, cores).get(experiment);
        Experiment fusedSingle = Experiments.all(true, 1).get(experiment);
        boolean hasFused = fused.kernel(precision).equals("fused");
        boolean isPoint = experiment.equals("point") && precision == Precision.FLOAT;
        for (int warm = 0; warm < 3; warm++) {
            rate(engine, runs(engine, 16), 1, precision);
            if (hasFused) {
                rate(fused, runs(engine, 64), 1, precision);
                // A batch smaller than a vector takes the kernel's partial-vector path: warmed too, or R = 1's
                // figure is the JIT compiling it.
                rate(fused, runs(engine, 1), 1, precision);
            }
            if (isPoint) {
                plainRate(runs(engine, 4));
            }
        }
        out.printf(Locale.ROOT, "run-steps/s (one run-step = one step or epoch of the experiment); the Java kernel "
                + "(fused) against ND4J batched and against itself one run at a time%n");
        out.printf(Locale.ROOT, "%7s  %12s  %12s  %12s  %12s  %12s  %12s  %10s  %10s%n", "R", "nd4j 1-by-1",
                "nd4j batched", "fused " + cores + "thr", "fused 1thr", "fused 1-by-1", "plain loop", "fused/nd4j",
                "fused/1by1");
        for (int size : sizes) {
            List<PlannedRun> batch = runs(engine, size);
            List<PlannedRun> sample = batch.subList(0, Math.min(size, SEQUENTIAL_SAMPLE));
            double oneByOne = rate(engine, sample, sample.size(), precision);
            double nd4j = rate(engine, batch, 1, precision);
            double fusedAll = hasFused ? rate(fused, batch, 1, precision) : Double.NaN;
            double fusedOne = hasFused ? rate(fusedSingle, batch, 1, precision) : Double.NaN;
            double fusedByOne = hasFused ? rate(fusedSingle, sample, sample.size(), precision) : Double.NaN;
            double plain = isPoint ? plainRate(batch.subList(0, Math.min(size, 64))) : Double.NaN;
            out.printf(Locale.ROOT, "%7d  %12.0f  %12.0f  %12.0f  %12.0f  %12.0f  %12.0f  %10.1f  %10.1f%n", size,
                    oneByOne, nd4j, fusedAll, fusedOne, fusedByOne, plain, fusedAll / nd4j, fusedAll / fusedByOne);
        }
        if (memory) {
            memoryTable(out, hasFused ? List.of(fused, engine) : List.of(engine));
        }
        return Main.OK;
    }

    /**
     * Resident memory (VmRSS, after a GC) training R runs for --steps and then 10x --steps in this process:
     * a leak of per-step allocations (ND4J frees off-heap memory only when Java's GC runs) shows as growth.
     */
    private void memoryTable(PrintStream out, List<Experiment> kernels) {
        out.printf(Locale.ROOT, "%nresident memory, R = %d (log every steps/10)%n", memoryRuns);
        out.printf(Locale.ROOT, "%8s  %10s  %14s  %14s%n", "kernel", "steps", "run-steps/s", "VmRSS MB");
        long base = steps;
        for (Experiment kernel : kernels) {
            for (long s : new long[] {base, 10 * base}) {
                steps = s;
                List<PlannedRun> batch = runs(kernel, memoryRuns);
                double perSecond = rate(kernel, batch, 1, Precision.FLOAT);
                System.gc();
                out.printf(Locale.ROOT, "%8s  %10d  %14.0f  %14.0f%n", kernel.kernel(Precision.FLOAT), s, perSecond,
                        residentMegabytes());
            }
        }
        steps = base;
    }

    private static double residentMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Run-steps/s training the runs in `pieces` equal batches, one after another. */
    private double rate(Experiment engine, List<PlannedRun> all, int pieces, Precision precision) {
        int per = all.size() / pieces;
        long start = System.nanoTime();
        for (int p = 0; p < pieces; p++) {
            engine.train(all.subList(p * per, (p + 1) * per), precision, RunListener.NONE);
        }
        return all.size() * (double) engine.steps(all.get(0).config()) / ((System.nanoTime() - start) / 1e9);
    }

    /** The plain single-threaded Java loop, one run after another: the reference a researcher would write. */
    private double plainRate(List<PlannedRun> runs) {
        long start = System.nanoTime();
        double[][] finals = PointPlainLoop.train(runs);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(finals[0][0] + finals[finals.length - 1][1])) {
            throw new IllegalStateException("plain loop produced NaN");
        }
        return runs.size() * (double) steps / seconds;
    }

    private List<PlannedRun> runs(Experiment engine, int count) {
        Map<String, Object> values = new TreeMap<>(Defaults.of(engine));
        // --steps sets the experiment's length, whichever name it has: steps, or epochs (gauss1d, linear2d).
        java.util.Optional<Parameter> stepsParameter = engine.schema().parameter("steps")
                .or(() -> engine.schema().parameter("epochs"));
        if (stepsParameter.isPresent()) {
            values.put(stepsParameter.get().name(), stepsParameter.get().normalize(steps).orElseThrow(() -> new UsageException("--steps "
                    + steps + ": expected " + stepsParameter.get().rule())));
            if (engine.schema().parameter("log_every").isPresent()) {
                values.put("log_every", Math.max(1L, steps / 10));
            }
        }
        ResolvedConfig config = new ResolvedConfig(new TreeMap<>(values));
        ResolvedConfig keyed = engine.schema().keyed(config);
        GroupKey group = RunKeys.group(engine.name(), keyed);
        List<PlannedRun> list = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
            list.add(new PlannedRun(RunKeys.run(engine.name(), keyed, seed), group, engine.name(), config, seed));
        }
        return list;
    }
}
