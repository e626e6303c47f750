package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password planted in the tracking URI, with no server to take the runs: run, its advice to sync, and sync
 * itself print the URI masked, and no file of the sweep holds the password.
 */
class SecretLeakTest {
    private static final String SECRET = "pl4nted-s3cret";
    private static final String URI = "http://alice:" + SECRET + "@127.0.0.1:9";

    @TempDir
    Path dir;

    private String main(int expectedCode, String... args) {
        Cli.Result result = Cli.main(args);
        String all = result.out() + result.err();
        assertEquals(expectedCode, result.code(), all);
        return all;
    }

    @Test
    void aPasswordInTheTrackingUriIsNeverPrintedNorWritten() throws IOException {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"name\":\"tiny\",\"experiment\":\"point\",\"set\":{\"steps\":20,\"log_every\":10},"
                + "\"seeds\":{\"count\":2}}");
        Path results = dir.resolve("results");
        String run = main(0, "run", spec.toString(), "--results", results.toString(), "--plots", "none",
                "--tracking-uri", URI, "--tracking-wait", "0");
        assertTrue(run.contains("--tracking-uri http://***@127.0.0.1:9"), run);
        String sync = main(1, "sync", results.resolve("tiny").toString(), "--tracking-uri", URI);
        assertTrue(sync.contains("http://***@127.0.0.1:9"), sync);
        for (String output : List.of(run, sync)) {
            assertFalse(output.contains(SECRET), output);
        }
        try (Stream<Path> files = Files.walk(results)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SECRET),
                        file.toString());
            }
        }
    }
}
