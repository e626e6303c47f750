package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results folder is a boundary: a symbolic link planted where gansweep writes (the sweep folder, its runs
 * folder, a run's folder, the report lock) is refused in one line, and nothing lands where the link points.
 */
class ResultsBoundaryTest {
    private static final String SPEC = "{\"name\":\"tiny\",\"experiment\":\"point\",\"set\":{\"steps\":20,\"log_every\":10},"
            + "\"seeds\":{\"count\":2}}";

    @TempDir
    Path dir;
    private Path spec;
    private Path results;
    private Path elsewhere;


    @BeforeEach
    void folders() throws IOException {
        spec = dir.resolve("spec.json");
        Files.writeString(spec, SPEC);
        results = Files.createDirectories(dir.resolve("results"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    }


    private Cli.Result run() {
        return Cli.main("run", spec.toString(), "--results", results.toString(), "--plots", "none");
    }

    private void assertNothingElsewhere() throws IOException {
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "something was written through the link");
        }
    }

    private String refusal(Path link) {
        return "gansweep: " + link + ": a symbolic link (to " + elsewhere + "); gansweep writes only inside the results "
                + "folder: remove the link or choose another --results\n";
    }

    @Test
    void aLinkAsTheSweepFolderIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(results.resolve("tiny"), elsewhere);
        Cli.Result result = run();
        assertEquals(refusal(link), result.err());
        assertEquals(2, result.code());
        assertNothingElsewhere();
    }

    @Test
    void aLinkAsTheRunsFolderIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(Files.createDirectories(results.resolve("tiny")).resolve("runs"), elsewhere);
        Cli.Result result = run();
        assertEquals(refusal(link), result.err());
        assertEquals(2, result.code());
        assertNothingElsewhere();
    }

    @Test
    void aLinkAsOneRunsOwnFolderIsRefused() throws IOException {
        Cli.Result plan = Cli.main("plan", spec.toString(), "--json");
        assertEquals(0, plan.code(), plan.err());
        String key = org.gansweep.internal.Json.mapper().readTree(plan.out()).get("runs").get(0).get("key").asText();
        Path link = Files.createSymbolicLink(Files.createDirectories(results.resolve("tiny").resolve("runs"))
                .resolve(key), elsewhere);
        Cli.Result result = run();
        assertTrue(result.err().contains(refusal(link)), result.err());
        assertEquals(2, result.code());
        assertNothingElsewhere();
    }

    @Test
    void aLinkAsTheReportLockIsRefused() throws IOException {
        Path target = elsewhere.resolve("lock");
        Path lock = Files.createSymbolicLink(Files.createDirectories(results.resolve("tiny")).resolve(".report.lock"),
                target);
        Cli.Result result = run();
        assertTrue(result.err().contains("gansweep: " + lock + ": a symbolic link (to " + target + ")"), result.err());
        assertEquals(2, result.code());
        assertNothingElsewhere();
    }

    @Test
    void anEmptyResultsFolderIsBadInput() {
        Cli.Result result = Cli.main("run", spec.toString(), "--results", "");
        assertEquals("gansweep: --results: empty; expected the folder to write the sweep into\n", result.err());
        assertEquals(2, result.code());
    }
}
