package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are not plain files are refused at once, in one line, before any byte is read: a pipe would
 * wait forever for a writer, /dev/zero would be read until the heap ran out, a huge file likewise.
 */
class InputFileKindsTest {
    private static final String PIPE = "not a regular file (a pipe, socket or device)";

    @TempDir
    Path dir;


    private Cli.Result run(String spec) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.main("run", spec, "--results", dir.resolve("results").toString()));
    }

    private void assertRefused(Cli.Result result, String line) {
        assertEquals(line + "\n", result.err());
        assertEquals(2, result.code());
        assertEquals("", result.out());
        assertFalse(Files.exists(dir.resolve("results")), "nothing may be written");
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
        return fifo;
    }

    @Test
    void aPipeAsTheSpecIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = fifo("spec.json");
        assertRefused(run(fifo.toString()),
                "gansweep: " + fifo + ": cannot read: " + PIPE + "; a sweep spec is a JSON file");
    }

    @Test
    void aDeviceAsTheSpecIsRefusedInsteadOfReadUntilMemoryRunsOut() {
        assertRefused(run("/dev/zero"), "gansweep: /dev/zero: cannot read: " + PIPE + "; a sweep spec is a JSON file");
    }

    @Test
    void aSpecOverSixteenMegabytesIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(17L << 20); // sparse: no 17 MB written
        }
        assertRefused(run(big.toString()), "gansweep: " + big + ": cannot read: 17.0 MB; a sweep spec is at most 16 MB");
    }

    @Test
    void aPipeAsTheBaseConfigIsNamedAsSuch() throws Exception {
        Path fifo = fifo("base.json");
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"name\": \"s\", \"experiment\": \"point\", \"base\": \"" + fifo
                + "\", \"seeds\": {\"count\": 1}}");
        assertRefused(run(spec.toString()), "gansweep: " + spec + ": base: " + fifo + ": " + PIPE
                + "; a base config is a JSON file");
    }
}
