package org.gansweep.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-file writes that readers see either complete or not at all: write a temporary file beside the
 * target, then rename it over. Temporary names, {@code .<target>.<pid>@<host>.<n>.tmp}, carry the writer's
 * process id and host, so that several processes (shards, possibly on several machines sharing one folder)
 * never share a temporary file, and a cleanup can tell a live writer's file from an abandoned one.
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern TEMP_NAME = Pattern.compile("\\.[^@]+\\.(\\d{1,18})@([^@]+)\\.\\d+\\.tmp");
    /** A write takes milliseconds; a temporary file untouched this long belongs to no live writer. */
    static final Duration STALE = Duration.ofHours(1);
    private static final String HOST = host();

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] content) {
        Path temp = temporaryFor(target);
        try {
            Files.createDirectories(temp.getParent());
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
            // The reason alone ("No space left on device"), not the temporary file's name as well.
            String reason = IoErrors.bareReason(e);
            throw new UncheckedIOException("cannot write " + target + ": " + reason, e);
        }
    }

    /** A fresh temporary name beside target, owned by this process. */
    public static Path temporaryFor(Path target) {
        return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "@" + HOST + "." + COUNTER.incrementAndGet() + TEMP_SUFFIX);
    }

    /** True for leftovers of an interrupted write; readers skip them. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * True for a temporary file that no live writer will rename, so cleanup may delete it: one written by a
     * process of this host that has exited, or one untouched for {@link #STALE} (the only test possible for
     * other hosts' files, and for a live process that reused a dead writer's id). A file of a running writer
     * is never abandoned: deleting it would make that writer's rename fail.
     */
    public static boolean isAbandoned(Path file, Instant now) {
        if (!isTemporary(file)) {
            return false;
        }
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(STALE))) {
                return true;
            }
        } catch (IOException e) {
            return false; // Gone already, or unreadable: nothing to clean.
        }
        Matcher name = TEMP_NAME.matcher(file.getFileName().toString());
        if (!name.matches() || !name.group(2).equals(HOST)) {
            return false;
        }
        long pid = Long.parseLong(name.group(1));
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** This machine's name as the kernel has it (no DNS lookup: clusters often have none for it). */
    private static String host() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "");
        }
        name = name.replaceAll("[^A-Za-z0-9.-]", "_");
        return name.isEmpty() ? "localhost" : name;
    }
}
