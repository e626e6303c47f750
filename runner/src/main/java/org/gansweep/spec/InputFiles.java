package org.gansweep.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What is wrong, if anything, with a file given as input before it is read: reading a pipe waits forever for a
 * writer, reading /dev/zero never ends, so only regular files of a bounded size are read at all.
 */
public final class InputFiles {
    /** Far above any real spec or config (the shipped ones are a few KB), far below the JVM's heap. */
    public static final long MAX_BYTES = 16L << 20;

    private InputFiles() {
    }

    /**
     * Null when path is a regular file (through symlinks) of at most {@link #MAX_BYTES}, or does not exist
     * (the reader says so in its own words); else what is wrong, in a user's words, naming what was expected
     * (what: "a sweep spec", "a base config").
     */
    public static String problem(Path path, String what) {
        if (!Files.exists(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return "a folder, not a file; " + what + " is a JSON file";
        }
        if (!Files.isRegularFile(path)) {
            return "not a regular file (a pipe, socket or device); " + what + " is a JSON file";
        }
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return String.format(Locale.ROOT, "%.1f MB; %s is at most %d MB", size / 1048576.0, what,
                        MAX_BYTES >> 20);
            }
        } catch (IOException e) {
            return null; // the reader meets the same problem and reports it
        }
        return null;
    }
}
