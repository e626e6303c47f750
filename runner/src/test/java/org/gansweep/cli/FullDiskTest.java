package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gansweep.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results folder fills up, or turns read-only, in the middle of a sweep: the sweep stops with exit 1 and
 * one line naming the file and the reason, keeps what it finished, and the same command resumes it once the
 * folder is fixed, ending with the files of an uninterrupted sweep. Permissions cannot simulate this (the
 * tests run as root, which ignores them), so the folder is a real size-limited tmpfs, remounted bigger or
 * read-only; mounting needs root (CAP_SYS_ADMIN), so elsewhere the test is skipped, or fails under CI
 * ({@link Services}).
 */
class FullDiskTest {
    private static final String SPEC = "{\"name\": \"disk\", \"experiment\": \"point\", \"set\": {\"steps\": 50, "
            + "\"log_every\": 5}, \"grid\": {\"lr_d\": [0.01, 0.03, 0.05]}, \"seeds\": {\"count\": 16}}";
    private static final int RUNS = 48;

    @TempDir
    static Path shared;
    private static Path reference;
    private static boolean canMount;

    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;

    private static int command(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private static boolean mount(Path where) throws IOException, InterruptedException {
        // 160 KiB: a run's three files take three 4 KiB pages, so about a quarter of the sweep fits.
        return command("mount", "-t", "tmpfs", "-o", "size=160k", "gansweep-test", where.toString()) == 0;
    }

    @BeforeEach
    void mountASmallTmpfs() throws Exception {
        Services.require(canMount, "cannot mount a size-limited tmpfs: that needs root (CAP_SYS_ADMIN)");
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = mount(disk);
        assertTrue(mounted, "mount a tmpfs on " + disk + " (the probe before the class could)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            command("umount", "-l", disk.toString());
        }
    }

    private record Result(int code, String err) {
    }

    private static Result run(Path results) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", shared.resolve("disk.json").toString(), "--kernel", "nd4j", "--results",
            results.toString(), "--max-batch", "8", "--plots", "none"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    /** Probes once: without root each test is skipped (fails under CI), and the reference sweep is not run. */
    @BeforeAll
    static void uninterrupted() throws IOException, InterruptedException {
        Path probe = Files.createDirectories(shared.resolve("probe"));
        canMount = mount(probe);
        if (!canMount) {
            return;
        }
        command("umount", "-l", probe.toString());
        Files.writeString(shared.resolve("disk.json"), SPEC);
        Result uninterrupted = run(shared.resolve("reference"));
        assertEquals(0, uninterrupted.code(), uninterrupted.err());
        reference = shared.resolve("reference").resolve("disk");
    }

    /** The last stderr line, after the progress lines: the one error line. */
    private static String lastLine(String err) {
        List<String> lines = err.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void aFullDiskStopsTheSweepWithAClearErrorAndTheSameCommandResumesItOnceThereIsSpace() throws Exception {
        Result full = run(disk);
        assertEquals(1, full.code(), full.err());
        assertTrue(lastLine(full.err()).matches("gansweep: cannot write " + disk + "/disk/\\S+: No space left on "
                + "device; finished runs are kept: fix it and run the same command again to resume"), full.err());
        int kept = SweepFolders.completeRuns(disk.resolve("disk"));
        assertTrue(kept > 0 && kept < RUNS, "stopped mid-sweep, kept " + kept);

        assertEquals(0, command("mount", "-o", "remount,size=16m", disk.toString()));
        Result resumed = run(disk);
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains(kept + " already done, " + (RUNS - kept) + " to train"), resumed.err());
        SweepFolders.assertSameFiles(reference, disk.resolve("disk"));
    }

    @Test
    void aFolderTurnedReadOnlyMidSweepStopsItWithAClearErrorAndItResumesOnceWritable() throws Exception {
        assertEquals(0, command("mount", "-o", "remount,size=16m", disk.toString()));
        CompletableFuture<Result> sweep = CompletableFuture.supplyAsync(() -> {
            try {
                return run(disk);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        while (SweepFolders.completeRuns(disk.resolve("disk")) < 8 && !sweep.isDone()) {
            Thread.sleep(1);
        }
        // A remount fails (busy) while a file is open for writing; the next try lands between writes.
        int remount = 1;
        for (int attempt = 0; attempt < 500 && remount != 0 && !sweep.isDone(); attempt++) {
            remount = command("mount", "-o", "remount,ro", disk.toString());
        }
        assertEquals(0, remount, "remount read-only before the sweep finished");
        Result stopped = sweep.get();
        assertEquals(1, stopped.code(), stopped.err());
        assertTrue(lastLine(stopped.err()).matches("gansweep: cannot write " + disk + "/disk/\\S+: Read-only file "
                + "system; finished runs are kept: fix it and run the same command again to resume"), stopped.err());
        int kept = SweepFolders.completeRuns(disk.resolve("disk"));
        assertTrue(kept >= 8 && kept < RUNS, "stopped mid-sweep, kept " + kept);

        assertEquals(0, command("mount", "-o", "remount,rw", disk.toString()));
        Result resumed = run(disk);
        assertEquals(0, resumed.code(), resumed.err());
        SweepFolders.assertSameFiles(reference, disk.resolve("disk"));
    }
}
