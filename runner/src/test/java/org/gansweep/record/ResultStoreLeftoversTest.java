package org.gansweep.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
}
