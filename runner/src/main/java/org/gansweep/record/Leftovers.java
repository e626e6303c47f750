package org.gansweep.record;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.gansweep.internal.AtomicFiles;

/**
 * Removes the temporary files of interrupted writes from a sweep folder and its run folders, so a resumed
 * sweep ends with exactly the files of an uninterrupted one. Only abandoned files: a shard starting while
 * another writes must not delete that shard's file before its rename.
 */
final class Leftovers {
    private Leftovers() {
    }

    static void remove(Path sweepDir) {
        Instant now = Instant.now();
        try {
            removeAbandoned(sweepDir, now);
            // Plain listings, no attribute reads: other shards rename files away meanwhile.
            try (DirectoryStream<Path> runs = Files.newDirectoryStream(sweepDir.resolve("runs"))) {
                for (Path run : runs) {
                    if (Files.isDirectory(run)) {
                        removeAbandoned(run, now);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot clean " + sweepDir + ": " + e.getMessage(), e);
        }
    }

    private static void removeAbandoned(Path dir, Instant now) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                if (AtomicFiles.isAbandoned(temp, now)) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
