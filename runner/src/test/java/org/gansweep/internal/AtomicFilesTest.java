package org.gansweep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary names say who writes them, so cleanup removes only what no live writer will rename. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    /** The pid of a process that has exited (pids are not reused this soon). */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /** A temporary name as a writer with that pid on this host would have made it. */
    static Path temporaryOf(Path target, long pid) {
        String mine = AtomicFiles.temporaryFor(target).getFileName().toString();
        return target.resolveSibling(mine.replace("." + ProcessHandle.current().pid() + "@", "." + pid + "@"));
    }

    @Test
    void writeLeavesOnlyTheTargetWithTheNewContent() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aLiveWritersTemporaryFileIsNotAbandoned() throws IOException {
        Path temp = Files.writeString(AtomicFiles.temporaryFor(dir.resolve("config.json")), "{half");
        assertTrue(AtomicFiles.isTemporary(temp));
        assertFalse(AtomicFiles.isAbandoned(temp, Instant.now()));
    }

    @Test
    void aDeadWritersTemporaryFileOnThisHostIsAbandonedAtOnce() throws Exception {
        Path temp = Files.writeString(temporaryOf(dir.resolve("config.json"), deadPid()), "{half");
        assertTrue(AtomicFiles.isAbandoned(temp, Instant.now()));
    }

    @Test
    void anotherHostsTemporaryFileIsAbandonedOnlyOnceStale() throws IOException {
        Path temp = Files.writeString(dir.resolve(".config.json.12345@elsewhere.example.7.tmp"), "{half");
        assertFalse(AtomicFiles.isAbandoned(temp, Instant.now()));
        assertTrue(AtomicFiles.isAbandoned(temp, Instant.now().plus(AtomicFiles.STALE).plusSeconds(1)));
    }

    @Test
    void aFinishedFileIsNeverAbandoned() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.csv"), "x");
        assertFalse(AtomicFiles.isAbandoned(file, Instant.now().plus(AtomicFiles.STALE.multipliedBy(10))));
    }
}
