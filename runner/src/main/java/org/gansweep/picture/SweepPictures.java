package org.gansweep.picture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** What was drawn: sweep charts (relative to the sweep folder) and each run's pictures. */
    public record Drawn(List<String> sweepCharts, Map<GroupKey, String> bands, Map<RunKey, List<String>> runs) {
    }

    private SweepPictures() {
    }

    public static Drawn draw(ResultStore store, SweepReport report, List<RunRecord> records, PlotSelection selection,
                             int threads) {
        Path sweepDir = store.sweepDir();
        Path plots = sweepDir.resolve(PLOTS);
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new StoreException(plots + ": cannot create: " + e.getMessage(), e);
        }
        Map<GroupKey, List<RunRecord>> byGroup = new LinkedHashMap<>();
        records.forEach(r -> byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        String experiment = records.isEmpty() ? "" : records.get(0).experiment();
        ExperimentPictures family = ExperimentPictures.of(experiment);
        List<String> charts = new ArrayList<>();
        if (!report.groups().isEmpty()) {
            SuccessRateChart.write(report.groups(), report.sweep() + ": success rate (Wilson 95%)",
                    plots.resolve(SuccessRateChart.FILE));
            charts.add(PLOTS + "/" + SuccessRateChart.FILE);
            StepsToConvergeChart.write(report.groups(), byGroup, report.sweep() + ": steps to converge",
                    plots.resolve(StepsToConvergeChart.FILE));
            charts.add(PLOTS + "/" + StepsToConvergeChart.FILE);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "gansweep-pictures");
            t.setDaemon(true);
            return t;
        });
        Map<GroupKey, String> bands = new ConcurrentHashMap<>();
        Map<RunKey, List<String>> runs = new ConcurrentHashMap<>();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (GroupSummary group : report.groups()) {
                List<RunRecord> members = byGroup.getOrDefault(group.group(), List.of());
                if (members.isEmpty()) {
                    continue;
                }
                work.add(pool.submit(() -> {
                    List<Trajectory> trajectories = members.stream().map(r -> store.readTrajectory(r.key())).toList();
                    List<String> columns = family.bandColumns(trajectories.get(0)).stream()
                            .filter(trajectories.get(0).columns()::contains).toList();
                    String name = "bands-" + group.group().value() + ".png";
                    TrajectoryBands.write(trajectories, columns, family.targets(members.get(0).config()),
                            Labels.group(group) + " (" + members.size() + " seeds)", plots.resolve(name));
                    bands.put(group.group(), PLOTS + "/" + name);
                }));
            }
            for (RunRecord run : selection.select(records)) {
                work.add(pool.submit(() -> runs.put(run.key(), drawRun(store, family, run))));
            }
            for (Future<?> future : work) {
                future.get();
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
        return new Drawn(List.copyOf(charts), Map.copyOf(bands), Map.copyOf(runs));
    }

    private static List<String> drawRun(ResultStore store, ExperimentPictures family, RunRecord run) {
        Path dir = store.runDirectory(run.key());
        String prefix = "runs/" + run.key().value() + "/";
        Path png = dir.resolve(RunPictures.TRAJECTORY_PNG);
        Path gif = dir.resolve(RunPictures.ANIMATION_GIF);
        List<String> drawn = new ArrayList<>();
        boolean fresh = upToDate(png, dir) && (upToDate(gif, dir) || !hasAnimation(family));
        if (!fresh) {
            Trajectory trajectory = store.readTrajectory(run.key());
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
