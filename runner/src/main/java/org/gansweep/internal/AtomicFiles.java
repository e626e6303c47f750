package org.gansweep.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole-file writes that readers see either complete or not at all: write a temporary file beside the
 * target, then rename it over. Temporary names carry the process id and a counter so that two processes
 * (shards) writing into one directory never share a temporary file.
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        String tempName = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + TEMP_SUFFIX;
        Path temp = dir.resolve(tempName);
        try {
            Files.createDirectories(dir);
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The original failure is the one worth reporting.
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** True for leftovers of an interrupted write; readers skip them and cleanup may delete them. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }
}
