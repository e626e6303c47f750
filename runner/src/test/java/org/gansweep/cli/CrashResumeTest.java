package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of a real sweep process (during training, while it writes a batch's results,
 * while it writes the report), relaunching after every kill: at the end every run is there exactly once
 * and every file is bitwise the file of an uninterrupted sweep (summary.json's timing aside). After every
 * kill, each run already marked complete must already be final, all its files (gauss1d's histogram.csv
 * too). Where each kill landed is read from the folder afterwards, not assumed; the test fails if a moment
 * it aims at was never hit. Point gets the long treatment (ten kills or more, the report too); every other
 * experiment at least three kills, in training and in writing.
 */
class CrashResumeTest {
    /** One experiment's sweep under kills: its spec, and how hard it is hit. */
    enum Case {
        POINT("point", "\"steps\": 150, \"log_every\": 15", "\"lr_d\": [0.01, 0.03, 0.05]", 3, 16, 8, 10, 2, true),
        LINEAR2D("linear2d", "\"epochs\": 4, \"data_points\": 400", "\"lr_d\": [0.05, 0.02]", 2, 8, 4, 3, 1, false),
        DIRAC("dirac", "\"steps\": 300, \"log_every\": 10", "\"reg\": [\"none\", \"r1\"]", 2, 8, 4, 3, 1, false),
        GAUSS1D("gauss1d", "\"epochs\": 40, \"log_every\": 10, \"d_steps\": 2, \"g_steps\": 2, \"minibatch\": 100, "
                + "\"eval_samples\": 1000", "\"variant\": [\"v2018\", \"v2017\"]", 2, 8, 4, 3, 1, false),
        GAUSSINIT("gaussinit", "\"steps\": 100, \"log_every\": 20, \"measure_samples\": 2000, \"eval_samples\": 500",
                "\"init\": [\"gaussian\", \"xavier\"]", 2, 8, 4, 3, 1, false);

        final String spec;
        final int runs;
        /** Several batches, so relaunches have training and writing left to be killed in. */
        final int batch;
        final int minKills;
        /** Kills that must land in training and in writing each, before the report is aimed at. */
        final int eachMoment;
        final boolean killReport;

        Case(String experiment, String set, String grid, int gridSize, int seeds, int batch, int minKills,
             int eachMoment, boolean killReport) {
            this.spec = "{\"name\": \"crash\", \"experiment\": \"" + experiment + "\", \"set\": {" + set
                    + "}, \"grid\": {" + grid + "}, \"seeds\": {\"count\": " + seeds + "}}";
            this.runs = gridSize * seeds;
            this.batch = batch;
            this.minKills = minKills;
            this.eachMoment = eachMoment;
            this.killReport = killReport;
        }
    }

    /** Where a kill landed; AFTER_REPORT (the process was exiting) counts as a kill but hits no moment. */
    enum Moment { TRAINING, RESULTS_WRITE, REPORT, AFTER_REPORT }

    @TempDir
    Path dir;

    private Case sweepCase;
    private Path spec;
    private Path root;
    private Path sweep;
    private Path reference;
    private int launches;

    @ParameterizedTest
    @EnumSource(Case.class)
    void aSweepKilledAtRandomMomentsAndRelaunchedEndsBitwiseEqualToAnUninterruptedOne(Case sweepCase) throws Exception {
        this.sweepCase = sweepCase;
        spec = Files.writeString(dir.resolve("crash.json"), sweepCase.spec);
        root = dir.resolve("results");
        sweep = root.resolve("crash");
        reference = uninterrupted();
        if (sweepCase == Case.GAUSS1D) {
            assertTrue(SweepFolders.files(reference).keySet().stream().anyMatch(f -> f.endsWith("/histogram.csv")),
                    "gauss1d runs write histogram.csv, which the kills must cover");
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<Moment, Integer> landed = new EnumMap<>(Moment.class);
        List<String> journal = new ArrayList<>(List.of(sweepCase + ", seed " + seed));
        int each = sweepCase.eachMoment;

        int kills = 0;
        for (int attempt = 0; attempt < 20 && (kills < sweepCase.minKills - (sweepCase.killReport ? 2 : 0)
                || landed.getOrDefault(Moment.TRAINING, 0) < each || landed.getOrDefault(Moment.RESULTS_WRITE, 0) < each);
             attempt++) {
            if (SweepFolders.completeRuns(sweep) == sweepCase.runs) {
                // Launches outran the kills: each kill was checked when it landed; start a fresh folder.
                journal.add("the sweep completed before enough kills landed: starting over in an empty folder");
                deleteTree(sweep);
            }
            Moment aim = attempt % 2 == 0 ? Moment.TRAINING : Moment.RESULTS_WRITE;
            kills += record(launchAndKill(aim, random), aim, landed, journal);
        }
        for (int attempt = 0; sweepCase.killReport && attempt < 12
                && (kills < sweepCase.minKills || landed.getOrDefault(Moment.REPORT, 0) < 2); attempt++) {
            kills += record(launchAndKill(Moment.REPORT, random), Moment.REPORT, landed, journal);
        }
        ChildRun last = ChildRun.start(dir.resolve("logs/final.log"), runArgs());
        assertEquals(0, last.await(), last.output());

        String story = String.join("\n", journal);
        assertTrue(kills >= sweepCase.minKills, story);
        List<Moment> targets = sweepCase.killReport ? List.of(Moment.TRAINING, Moment.RESULTS_WRITE, Moment.REPORT)
                : List.of(Moment.TRAINING, Moment.RESULTS_WRITE);
        for (Moment moment : targets) {
            assertTrue(landed.getOrDefault(moment, 0) >= 1, "no kill landed during " + moment + ":\n" + story);
        }
        assertEquals(sweepCase.runs, SweepFolders.completeRuns(sweep));
        assertEquals(List.of(), SweepFolders.temporaries(sweep));
        SweepFolders.assertSameFiles(reference, sweep);
        System.out.println("CrashResumeTest: " + kills + " kills in " + launches + " launches, " + landed
                + "\n" + story);
    }

    private Path uninterrupted() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--kernel", "nd4j", "--results", dir.resolve("reference").toString(),
            "--max-batch", Integer.toString(sweepCase.runs), "--plots", "none"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return dir.resolve("reference").resolve("crash");
    }

    private String[] runArgs() {
        return new String[] {"run", spec.toString(), "--kernel", "nd4j", "--results", root.toString(), "--max-batch",
            Integer.toString(sweepCase.batch)};
    }

    private static void deleteTree(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int record(Moment hit, Moment aim, Map<Moment, Integer> landed, List<String> journal) {
        journal.add("aimed at " + aim + ", landed " + (hit == null ? "nowhere (the process finished first)" : hit));
        if (hit == null) {
            return 0;
        }
        landed.merge(hit, 1, Integer::sum);
        return 1;
    }

    /** One launch, killed at a random moment near the aim; returns where the kill landed, null if none. */
    private Moment launchAndKill(Moment aim, Random random) throws Exception {
        int completeBefore = SweepFolders.completeRuns(sweep);
        int foldersBefore = SweepFolders.runFolders(sweep);
        Path marker = Files.writeString(dir.resolve("launch-marker"), Integer.toString(launches));
        FileTime launchedAt = Files.getLastModifiedTime(marker);
        ChildRun child = ChildRun.start(dir.resolve("logs/launch-" + launches++ + ".log"), runArgs());
        boolean trainingStarted = Kills.await(child, () -> Kills.output(child).contains(" to train "));
        boolean armed = trainingStarted && switch (aim) {
            case TRAINING -> Kills.pause(random.nextInt(250) * 1_000_000L);
            case RESULTS_WRITE -> Kills.await(child, () -> folders() > foldersBefore)
                    && Kills.pause(random.nextInt(8_000_000));
            case REPORT -> (completeBefore == sweepCase.runs || Kills.await(child, () -> complete() == sweepCase.runs))
                    && Kills.pause(random.nextInt(60) * 1_000_000L);
            case AFTER_REPORT -> throw new IllegalArgumentException("a landing, not an aim");
        };
        if (!armed || !child.process().isAlive()) {
            assertEquals(0, child.await(), child.output());
            return null;
        }
        int code = child.kill();
        if (code == 0) {
            // It finished between the liveness check and the signal: a launch that ran to the end.
            return null;
        }
        assertEquals(137, code, "SIGKILL");
        assertCompleteRunsAreFinal();

        int complete = SweepFolders.completeRuns(sweep);
        boolean runWriteCut = SweepFolders.partialRunsTouchedSince(sweep, launchedAt) > 0
                || (complete - completeBefore) % sweepCase.batch != 0 && complete < sweepCase.runs;
        Path groups = sweep.resolve("groups.csv");
        boolean reportRewritten = Files.exists(groups)
                && Files.getLastModifiedTime(groups).compareTo(launchedAt) > 0;
        if (complete == sweepCase.runs) {
            return reportRewritten ? Moment.AFTER_REPORT : Moment.REPORT;
        }
        return runWriteCut ? Moment.RESULTS_WRITE : Moment.TRAINING;
    }

    /** A run with summary.json is complete: every one of its files must already be the final one. */
    private void assertCompleteRunsAreFinal() throws IOException {
        Map<String, byte[]> want = SweepFolders.files(reference);
        Map<String, byte[]> got = SweepFolders.files(sweep);
        for (String name : got.keySet()) {
            if (name.startsWith("runs/") && name.endsWith("/summary.json")) {
                String run = name.substring(0, name.length() - "summary.json".length());
                assertEquals(filesUnder(want, run), filesUnder(got, run), "files of the complete run " + run);
                for (String file : filesUnder(want, run)) {
                    assertArrayEquals(want.get(file), got.get(file), file);
                }
            }
        }
    }

    private static List<String> filesUnder(Map<String, byte[]> files, String folder) {
        return files.keySet().stream().filter(f -> f.startsWith(folder)).toList();
    }

    private int complete() {
        return Kills.count(() -> SweepFolders.completeRuns(sweep));
    }

    private int folders() {
        return Kills.count(() -> SweepFolders.runFolders(sweep));
    }
}
