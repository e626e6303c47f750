package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NaN isolation at the sweep level: one run with an absurd learning rate (1e300, infinite in float, so its
 * parameters become Inf and NaN at once) sits in the middle of a batch of 17. It is recorded diverged, and
 * every other run's files are bitwise those of the same sweep without it (timing aside).
 */
class DivergenceIsolationTest {
    private static final String CALM = "{\"name\": \"calm\", \"experiment\": \"point\", \"set\": {\"steps\": 50, "
            + "\"log_every\": 5}, \"grid\": {\"lr_d\": [0.01, 0.05]}, \"seeds\": {\"count\": 8}}";
    /** The same runs plus one: lr_d 1e300 with seed 0 only, placed between the two calm groups. */
    private static final String WILD = "{\"name\": \"wild\", \"experiment\": \"point\", \"set\": {\"steps\": 50, "
            + "\"log_every\": 5}, \"grid\": {\"lr_d\": [0.01, 1e300, 0.05]}, \"seeds\": {\"count\": 8}, "
            + "\"exclude\": [{\"lr_d\": 1e300, \"seed\": [1, 2, 3, 4, 5, 6, 7]}]}";

    @TempDir
    Path dir;

    private Path sweep(String name, String text) throws IOException {
        Path spec = Files.writeString(dir.resolve(name + ".json"), text);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--results", dir.resolve("results").toString(),
            "--plots", "none"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("to train on cpu"));
        return dir.resolve("results").resolve(name);
    }

    @Test
    void aRunDrivenToNanInsideABatchIsDivergedAndEveryOtherRunIsBitwiseUnchanged() throws IOException {
        Map<String, byte[]> calm = SweepFolders.files(sweep("calm", CALM));
        Map<String, byte[]> wild = SweepFolders.files(sweep("wild", WILD));

        String diverged = null;
        int shared = 0;
        for (Map.Entry<String, byte[]> file : wild.entrySet()) {
            String name = file.getKey();
            if (!name.startsWith("runs/")) {
                continue;
            }
            if (calm.containsKey(name)) {
                assertArrayEquals(calm.get(name), file.getValue(), name);
                shared++;
            } else if (name.endsWith("summary.json")) {
                diverged = new String(file.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertEquals(16 * 3, shared, "every calm run's config, trajectory and summary");
        assertTrue(diverged != null && diverged.contains("\"outcome\" : \"diverged\"")
                // Divergence is checked at log steps (log_every 5): found at the first one.
                && diverged.contains("\"diverged_at_step\" : 5") && diverged.contains("\"NaN\""), diverged);
        String trajectory = wild.keySet().stream().filter(n -> n.endsWith("trajectory.csv") && !calm.containsKey(n))
                .map(n -> new String(wild.get(n), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        // Its last row is the log step where it was found, with the values that broke it.
        assertTrue(trajectory.strip().endsWith("5,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN"), trajectory);
    }
}
