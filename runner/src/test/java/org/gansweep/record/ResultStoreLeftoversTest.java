package org.gansweep.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.internal.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a sweep folder cleans up after crashed writers, and only after them. */
class ResultStoreLeftoversTest {
    @TempDir
    Path dir;

    private static Path deadWritersTemp(Path target) throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        String mine = AtomicFiles.temporaryFor(target).getFileName().toString();
        return Files.writeString(target.resolveSibling(mine.replace("." + ProcessHandle.current().pid() + "@",
                "." + process.pid() + "@")), "half");
    }

    private static List<String> temporaries(Path sweep) throws IOException {
        try (Stream<Path> files = Files.walk(sweep)) {
            return files.filter(AtomicFiles::isTemporary).map(f -> sweep.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void openRemovesCrashedWritersLeftoversInTheSweepFolderAndRunFoldersButKeepsLiveOnes() throws Exception {
        Path sweep = dir.resolve("tiny");
        Path run = Files.createDirectories(sweep.resolve("runs").resolve("0123456789abcdef"));
        deadWritersTemp(sweep.resolve("summary.csv"));
        deadWritersTemp(sweep.resolve("sweep.json"));
        deadWritersTemp(run.resolve("trajectory.csv"));
        // A shard that is writing right now (this process stands in for it): its file must survive.
        Path live = Files.writeString(AtomicFiles.temporaryFor(run.resolve("summary.json")), "half");

        ResultStore.open(dir, "tiny");
        assertEquals(List.of(sweep.relativize(live).toString()), temporaries(sweep));
    }

    @Test
    void theReportLockMakesAnotherProcessWaitUntilItIsReleased() throws Exception {
        Path sweep = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(sweep.resolve(ResultStore.SWEEP_FILE), "{}");
        ResultStore store = ResultStore.existing(sweep);
        long holdMillis = 1500;
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReportLockHolder.class.getName(), sweep.toString(),
                Long.toString(holdMillis)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            long start = System.nanoTime();
            long waitedMillis = store.withReportLock(() -> (System.nanoTime() - start) / 1_000_000);
            assertTrue(waitedMillis > holdMillis / 2, "took the lock after " + waitedMillis + " ms");
            assertEquals(0, holder.waitFor());
        }
    }
}
