package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of a real sweep process (during training, while it writes a batch's results,
 * while it writes the report), relaunching after every kill: at the end every run is there exactly once
 * and every file is bitwise the file of an uninterrupted sweep (summary.json's timing aside). After every
 * kill, each run already marked complete must already be final. Where each kill landed is read from the
 * folder afterwards, not assumed; the test fails if any of the three moments was never hit.
 */
class CrashResumeTest {
    private static final String SPEC = "{\"name\": \"crash\", \"experiment\": \"point\", \"set\": {\"steps\": 150, "
            + "\"log_every\": 15}, \"grid\": {\"lr_d\": [0.01, 0.03, 0.05]}, \"seeds\": {\"count\": 16}}";
    private static final int RUNS = 48;
    /** Six batches, so relaunches have training and writing left to be killed in. */
    private static final int BATCH = 8;
    private static final int MIN_KILLS = 10;
    private static final long PATIENCE_MILLIS = 120_000;

    /** Where a kill landed; AFTER_REPORT (the process was exiting) counts as a kill but hits no moment. */
    enum Moment { TRAINING, RESULTS_WRITE, REPORT, AFTER_REPORT }

    private static final List<Moment> TARGETS = List.of(Moment.TRAINING, Moment.RESULTS_WRITE, Moment.REPORT);

    @TempDir
    Path dir;

    private Path spec;
    private Path root;
    private Path sweep;
    private Path reference;
    private int launches;

    @Test
    void aSweepKilledAtRandomMomentsAndRelaunchedEndsBitwiseEqualToAnUninterruptedOne() throws Exception {
        spec = Files.writeString(dir.resolve("crash.json"), SPEC);
        root = dir.resolve("results");
        sweep = root.resolve("crash");
        reference = uninterrupted();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<Moment, Integer> landed = new EnumMap<>(Moment.class);
        List<String> journal = new ArrayList<>(List.of("seed " + seed));

        int kills = 0;
        for (int attempt = 0; attempt < 20 && SweepFolders.completeRuns(sweep) < RUNS && (kills < MIN_KILLS - 2
                || landed.getOrDefault(Moment.TRAINING, 0) < 2 || landed.getOrDefault(Moment.RESULTS_WRITE, 0) < 2);
             attempt++) {
            Moment aim = attempt % 2 == 0 ? Moment.TRAINING : Moment.RESULTS_WRITE;
            kills += record(launchAndKill(aim, random), aim, landed, journal);
        }
        for (int attempt = 0; attempt < 12 && (kills < MIN_KILLS || landed.getOrDefault(Moment.REPORT, 0) < 2);
             attempt++) {
            kills += record(launchAndKill(Moment.REPORT, random), Moment.REPORT, landed, journal);
        }
        ChildRun last = ChildRun.start(dir.resolve("logs/final.log"), runArgs());
        assertEquals(0, last.await(), last.output());

        String story = String.join("\n", journal);
        assertTrue(kills >= MIN_KILLS, story);
        for (Moment moment : TARGETS) {
            assertTrue(landed.getOrDefault(moment, 0) >= 1, "no kill landed during " + moment + ":\n" + story);
        }
        assertEquals(RUNS, SweepFolders.completeRuns(sweep));
        assertEquals(List.of(), SweepFolders.temporaries(sweep));
        SweepFolders.assertSameFiles(reference, sweep);
        System.out.println("CrashResumeTest: " + kills + " kills in " + launches + " launches, " + landed
                + "\n" + story);
    }

    private Path uninterrupted() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--kernel", "nd4j", "--results", dir.resolve("reference").toString(),
            "--max-batch", "48", "--plots", "none"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return dir.resolve("reference").resolve("crash");
    }

    private String[] runArgs() {
        return new String[] {"run", spec.toString(), "--kernel", "nd4j", "--results", root.toString(), "--max-batch",
            Integer.toString(BATCH)};
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
        boolean trainingStarted = await(child, () -> output(child).contains(" to train "));
        boolean armed = trainingStarted && switch (aim) {
            case TRAINING -> pause(random.nextInt(250) * 1_000_000L);
            case RESULTS_WRITE -> await(child, () -> folders() > foldersBefore) && pause(random.nextInt(8_000_000));
            case REPORT -> (completeBefore == RUNS || await(child, () -> complete() == RUNS))
                    && pause(random.nextInt(60) * 1_000_000L);
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
                || (complete - completeBefore) % BATCH != 0 && complete < RUNS;
        Path groups = sweep.resolve("groups.csv");
        boolean reportRewritten = Files.exists(groups)
                && Files.getLastModifiedTime(groups).compareTo(launchedAt) > 0;
        if (complete == RUNS) {
            return reportRewritten ? Moment.AFTER_REPORT : Moment.REPORT;
        }
        return runWriteCut ? Moment.RESULTS_WRITE : Moment.TRAINING;
    }

    /** A run with summary.json is complete: its three files must already be the final ones. */
    private void assertCompleteRunsAreFinal() throws IOException {
        Map<String, byte[]> want = SweepFolders.files(reference);
        Map<String, byte[]> got = SweepFolders.files(sweep);
        for (String name : got.keySet()) {
            if (name.startsWith("runs/") && name.endsWith("/summary.json")) {
                String run = name.substring(0, name.length() - "summary.json".length());
                for (String file : List.of("config.json", "trajectory.csv", "summary.json")) {
                    assertArrayEquals(want.get(run + file), got.get(run + file), run + file);
                }
            }
        }
    }

    private int complete() {
        try {
            return SweepFolders.completeRuns(sweep);
        } catch (IOException e) {
            return 0; // A folder listed while a rename happens; the next poll sees it.
        }
    }

    private int folders() {
        try {
            return SweepFolders.runFolders(sweep);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String output(ChildRun child) {
        try {
            return child.output();
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls every millisecond until the condition holds (true) or the child exits first (false). */
    private static boolean await(ChildRun child, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!child.process().isAlive()) {
                return condition.getAsBoolean();
            }
            Thread.sleep(1);
        }
        fail("timed out waiting on a child gansweep process");
        return false;
    }

    private static boolean pause(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        return true;
    }
}
