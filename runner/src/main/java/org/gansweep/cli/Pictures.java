package org.gansweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gansweep.picture.HtmlReport;
import org.gansweep.picture.PlotSelection;
import org.gansweep.picture.SweepPictures;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.report.SweepReport;

/** Glue between the commands and the pictures: the --plots option, drawing, and what to tell the user. */
final class Pictures {
    private Pictures() {
    }

    static PlotSelection selection(String plots) {
        try {
            return PlotSelection.parse(plots);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Draws the sweep's pictures and report.html (at {@link #page}); returns what was drawn. */
    static SweepPictures.Drawn draw(ResultStore store, SweepReport report, List<RunRecord> records, PlotSelection selection,
                     PrintStream err) {
        long start = System.nanoTime();
        SweepPictures.Drawn drawn = SweepPictures.draw(store, report, records, selection,
                Runtime.getRuntime().availableProcessors());
        for (RunRecord record : records) {
            String damage = drawn.damaged().get(record.key());
            if (damage != null) {
                err.println("pictures: skipped run " + record.key().value() + ": " + damage);
            }
        }
        HtmlReport.write(store, report, drawn.readable(), drawn);
        err.printf(Locale.ROOT, "pictures: %d sweep charts, %d group bands, %d runs drawn (--plots %s) in %.1f s%n",
                drawn.sweepCharts().size(), drawn.bands().size(), drawn.runs().size(),
                selection.name().toLowerCase(Locale.ROOT), (System.nanoTime() - start) / 1e9);
        return drawn;
    }

    static Path page(ResultStore store) {
        return store.sweepDir().resolve(HtmlReport.FILE);
    }

    /**
     * The sweep's charts and report.html as a run drew them (paths relative to the sweep folder; empty when
     * none were drawn), for sync to put on the sweep run.
     */
    static List<String> drawnSweepFiles(ResultStore store) {
        List<String> files = new ArrayList<>();
        Path plots = store.sweepDir().resolve(SweepPictures.PLOTS);
        if (Files.isDirectory(plots)) {
            try (Stream<Path> pngs = Files.list(plots)) {
                pngs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted()
                        .forEach(n -> files.add(SweepPictures.PLOTS + "/" + n));
            } catch (IOException e) {
                // Unreadable plots folder: the charts stay in the results folder only.
                return List.of();
            }
        }
        if (Files.isRegularFile(page(store))) {
            files.add(HtmlReport.FILE);
        }
        return files;
    }

    /** The pictures as artifacts: sweep charts and report.html on the sweep run, run pictures on each run. */
    static void upload(org.gansweep.track.MlflowMirror mirror, SweepPictures.Drawn drawn) {
        List<String> sweepFiles = new java.util.ArrayList<>(drawn.sweepCharts());
        sweepFiles.addAll(drawn.bands().values());
        sweepFiles.add(HtmlReport.FILE);
        java.util.Map<org.gansweep.plan.RunKey, List<String>> runFiles = new java.util.HashMap<>();
        // Drawn run pictures are listed as runs/<key>/<file>; a run's artifacts are named by <file>.
        drawn.runs().forEach((key, files) -> runFiles.put(key, files.stream()
                .map(f -> f.substring(f.lastIndexOf('/') + 1)).toList()));
        mirror.logPictures(sweepFiles, runFiles);
    }
}
