package org.gansweep.picture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.record.StoreException;
import org.gansweep.report.GroupSummary;
import org.gansweep.report.SweepReport;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a sweep's pictures from its results folder: the sweep charts in {@code plots/} and, for the selected
 * runs, {@code runs/<key>/trajectory.png} and {@code animation.gif}. A run's pictures newer than its
 * summary.json are kept, so drawing again after a resumed sweep only draws what is new.
 */
public final class SweepPictures {
    public static final String PLOTS = "plots";

    /**
     * The trajectory columns that show what a trick did to an experiment's runs, as its band pictures draw
     * them (and MLflow's group runs chart them); empty for an experiment that names none, whose bands show its
     * first two logged quantities.
     */
    public static List<String> headlineColumns(String experiment) {
        return ExperimentPictures.of(experiment).bandColumns(new Trajectory(List.of("step"), List.of()));
    }

    /**
     * What was drawn: sweep charts (relative to the sweep folder) and each run's pictures; the runs whose
     * tables read (in the order given), which the charts and report.html show; and the others with what is
     * wrong with them.
     */
    public record Drawn(List<String> sweepCharts, Map<GroupKey, String> bands, Map<RunKey, List<String>> runs,
                        List<RunRecord> readable, Map<RunKey, String> damaged) {
        public Drawn {
            sweepCharts = List.copyOf(sweepCharts);
            bands = Map.copyOf(bands);
            runs = Map.copyOf(runs);
            readable = List.copyOf(readable);
            damaged = Map.copyOf(damaged);
        }
    }

    private SweepPictures() {
    }

    /**
     * Loads what drawing needs (JFreeChart, fonts, Java2D, the encoders) and has the JIT compile the run
     * pictures' loops, by drawing a small chart and a made-up run of {@code experiment}'s family, for a command
     * to do on a spare thread while it starts up, so that its pictures later start warm. Draws nothing to disk.
     */
    public static void warmUp(String experiment) {
        XYSeries series = new XYSeries("warm-up");
        for (int i = 0; i < 50; i++) {
            series.add(i, Math.sin(i / 5.0));
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"), new NumberAxis("y"),
                PointPictures.line(Charts.INK));
        BufferedImage image = Charts.image(Charts.chart("warm-up", plot, true), 200, 150);
        PngWriter.encode(image);
        GifWriter.encode(List.of(image, image), 100);
        ExperimentPictures family = ExperimentPictures.of(experiment);
        Trajectory madeUp = madeUp(family instanceof PointPictures ? PointPictures.COLUMNS : List.of("step", "a", "b"));
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            RunPictures.trajectoryPng(madeUp, Map.of("b", 1.0), "warm-up");
            if (family instanceof PointPictures) {
                RunPictures.animation(family, madeUp, java.util.Optional.empty(),
                        new org.gansweep.plan.ResolvedConfig(new java.util.TreeMap<>()));
            }
        }
    }

    /**
     * Made-up runs drawn by the warm-up: on a small sweep its pictures then cost about half (the compiling is
     * done while the backend loads), and it ends before training starts.
     */
    private static final int WARM_UP_RUNS = 3;

    /** A run's made-up trajectory: 60 log rows of smooth curves, one per column. */
    private static Trajectory madeUp(List<String> columns) {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            double[] row = new double[columns.size()];
            row[0] = 10.0 * r;
            for (int c = 1; c < row.length; c++) {
                row[c] = Math.sin(r / (3.0 + c)) * c / 4;
            }
            rows.add(row);
        }
        return new Trajectory(columns, rows);
    }

    /**
     * Draws on {@code threads} threads, one task per group: it reads the group's tables once, for the bands
     * and to leave out the runs whose tables do not read, and hands its selected runs to tasks of their own
     * (with their trajectories, read once: a few per group are held until drawn, not the whole sweep). The
     * sweep charts come last, from the readable runs.
     */
    public static Drawn draw(ResultStore store, SweepReport report, List<RunRecord> records, PlotSelection selection,
                             int threads) {
        Path plots = store.sweepDir().resolve(PLOTS);
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new StoreException(plots + ": cannot create: " + e.getMessage(), e);
        }
        Map<GroupKey, List<RunRecord>> byGroup = new LinkedHashMap<>();
        records.forEach(r -> byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        ExperimentPictures family = ExperimentPictures.of(records.isEmpty() ? "" : records.get(0).experiment());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "gansweep-pictures");
            t.setDaemon(true);
            return t;
        });
        Map<GroupKey, String> bands = new ConcurrentHashMap<>();
        Map<RunKey, List<String>> runs = new ConcurrentHashMap<>();
        Map<RunKey, String> damaged = new ConcurrentHashMap<>();
        Queue<Future<?>> work = new ConcurrentLinkedQueue<>();
        try {
            for (GroupSummary group : report.groups()) {
                List<RunRecord> members = byGroup.getOrDefault(group.group(), List.of());
                work.add(pool.submit(() -> {
                    GroupTables tables = GroupTables.read(store, members, damaged);
                    Map<RunKey, Trajectory> read = new java.util.HashMap<>();
                    for (int i = 0; i < tables.readable().size(); i++) {
                        read.put(tables.readable().get(i).key(), tables.trajectories().get(i));
                    }
                    for (RunRecord run : selection.select(tables.readable())) {
                        // The selected runs' trajectories, already read, are handed on (a few per group).
                        Trajectory trajectory = read.get(run.key());
                        work.add(pool.submit(() -> runs.put(run.key(), drawRun(store, family, run, trajectory))));
                    }
                    if (!tables.readable().isEmpty()) {
                        String name = "bands-" + group.group().value() + ".png";
                        drawBands(family, group, tables, plots.resolve(name));
                        bands.put(group.group(), PLOTS + "/" + name);
                    }
                }));
            }
            for (Future<?> next = work.poll(); next != null; next = work.poll()) {
                next.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("drawing pictures: interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("drawing pictures: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        List<RunRecord> readable = records.stream().filter(r -> !damaged.containsKey(r.key())).toList();
        return new Drawn(sweepCharts(report, readable, plots), bands, runs, readable, damaged);
    }

    private static List<String> sweepCharts(SweepReport report, List<RunRecord> readable, Path plots) {
        if (report.groups().isEmpty()) {
            return List.of();
        }
        Map<GroupKey, List<RunRecord>> byGroup = new LinkedHashMap<>();
        readable.forEach(r -> byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        SuccessRateChart.write(report.groups(), report.sweep() + ": success rate (Wilson 95%)",
                plots.resolve(SuccessRateChart.FILE));
        StepsToConvergeChart.write(report.groups(), byGroup, report.sweep() + ": steps to converge",
                plots.resolve(StepsToConvergeChart.FILE));
        return List.of(PLOTS + "/" + SuccessRateChart.FILE, PLOTS + "/" + StepsToConvergeChart.FILE);
    }

    private static void drawBands(ExperimentPictures family, GroupSummary group, GroupTables tables, Path file) {
        List<Trajectory> trajectories = tables.trajectories();
        List<String> columns = family.bandColumns(trajectories.get(0)).stream()
                .filter(trajectories.get(0).columns()::contains).toList();
        TrajectoryBands.write(trajectories, columns, family.targets(tables.readable().get(0).config()),
                Labels.group(group) + " (" + trajectories.size() + " seeds)", file);
    }

    private static List<String> drawRun(ResultStore store, ExperimentPictures family, RunRecord run,
                                        Trajectory trajectory) {
        Path dir = store.runDirectory(run.key());
        String prefix = "runs/" + run.key().value() + "/";
        Path png = dir.resolve(RunPictures.TRAJECTORY_PNG);
        Path gif = dir.resolve(RunPictures.ANIMATION_GIF);
        List<String> drawn = new ArrayList<>();
        boolean fresh = upToDate(png, dir) && (upToDate(gif, dir) || !hasAnimation(family));
        if (!fresh) {
            String title = run.experiment() + " seed " + run.seed() + ": " + run.outcome().label();
            RunPictures.writeTrajectory(trajectory, family.targets(run.config()), title, png);
            RunPictures.writeAnimation(family, trajectory, store.readHistogram(run.key()), run.config(), gif);
        }
        drawn.add(prefix + RunPictures.TRAJECTORY_PNG);
        if (Files.exists(gif)) {
            drawn.add(prefix + RunPictures.ANIMATION_GIF);
        }
        return drawn;
    }

    private static boolean hasAnimation(ExperimentPictures family) {
        return !(family instanceof GenericPictures);
    }

    /** A picture drawn after its run's summary.json was written is the picture of that run. */
    private static boolean upToDate(Path picture, Path runDir) {
        try {
            return Files.exists(picture) && Files.getLastModifiedTime(picture)
                    .compareTo(Files.getLastModifiedTime(runDir.resolve("summary.json"))) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
