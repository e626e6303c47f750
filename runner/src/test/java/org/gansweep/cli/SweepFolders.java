package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gansweep.internal.AtomicFiles;

/**
 * Compares sweep folders file by file, bitwise, except the one volatile part of a run's files: the
 * "timing" object of summary.json (wall time of the batch it trained in).
 */
final class SweepFolders {
    private static final Pattern TIMING = Pattern.compile("(?s)\"timing\" : \\{[^}]*}");

    private SweepFolders() {
    }

    /** Every regular file, by path relative to the folder; summary.json with its timing object blanked. */
    static Map<String, byte[]> files(Path sweep) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(sweep)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (f.getFileName().toString().equals("summary.json")) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    if (!TIMING.matcher(text).find()) {
                        fail(f + " has no timing object");
                    }
                    bytes = TIMING.matcher(text).replaceAll("\"timing\" : {}").getBytes(StandardCharsets.UTF_8);
                }
                files.put(sweep.relativize(f).toString(), bytes);
            }
        }
        return files;
    }

    /** Same file names, and every file's bytes equal; the message names the first files that differ. */
    static void assertSameFiles(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = files(expected);
        Map<String, byte[]> got = files(actual);
        assertEquals(want.keySet(), got.keySet(), "file names of " + actual + " against " + expected);
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : want.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), got.get(e.getKey()))) {
                differing.add(e.getKey());
            }
        }
        assertEquals(List.of(), differing, "files of " + actual + " that differ from " + expected);
    }

    /** Run folders that have a summary.json (the completion mark). */
    static int completeRuns(Path sweep) throws IOException {
        Path runs = sweep.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return (int) dirs.filter(d -> Files.isRegularFile(d.resolve("summary.json"))).count();
        }
    }

    /**
     * Run folders without summary.json that changed after {@code since} (a folder's time moves when a file in
     * it is created or renamed): a run whose results were being written then, not one left by an earlier kill.
     */
    static int partialRunsTouchedSince(Path sweep, FileTime since) throws IOException {
        Path runs = sweep.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path d : dirs.toList()) {
                if (!Files.isRegularFile(d.resolve("summary.json"))
                        && Files.getLastModifiedTime(d).compareTo(since) > 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Run folders that exist, complete or not. */
    static int runFolders(Path sweep) throws IOException {
        Path runs = sweep.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return (int) dirs.count();
        }
    }

    /** Temporary files of interrupted writes anywhere in the folder. */
    static List<Path> temporaries(Path sweep) throws IOException {
        if (!Files.isDirectory(sweep)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(sweep)) {
            return all.filter(AtomicFiles::isTemporary).toList();
        }
    }
}
