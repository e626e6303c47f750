package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real processes on one results folder at once, as a Slurm array's tasks are: four shards started
 * together (they finish, and refresh summary.csv and groups.csv, at about the same time), then, a random
 * moment later, a second attempt at shard 0 (a requeued task overlapping its first attempt): it opens the
 * folder while the shards write and writes the same runs as shard 0. Every process succeeds, and
 * the folder, summary.csv and groups.csv included, equals a single-process sweep.
 */
class ConcurrentShardsTest {
    private static final String SPEC = "{\"name\": \"shards\", \"experiment\": \"point\", \"set\": {\"steps\": 50, "
            + "\"log_every\": 5}, \"grid\": {\"lr_d\": [0.01, 0.03, 0.05]}, \"seeds\": {\"count\": 16}}";
    private static final int SHARDS = 4;

    @TempDir
    Path dir;

    @Test
    void shardsAndAnOverlappingSecondAttemptWritingOneFolderAtOnceLeaveTheFilesOfOneProcess() throws Exception {
        Path spec = Files.writeString(dir.resolve("shards.json"), SPEC);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--kernel", "nd4j", "--results", dir.resolve("reference").toString(),
            "--plots", "none"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        Path results = dir.resolve("results");
        Random random = new Random();
        List<ChildRun> children = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            children.add(ChildRun.start(dir.resolve("logs/" + i + ".log"), "run", spec.toString(), "--results",
                    results.toString(), "--shard", i + "/" + SHARDS, "--max-batch", "4"));
        }
        // A second attempt at shard 0 opens the folder (and cleans leftovers) while the shards are writing.
        Thread.sleep(random.nextInt(800));
        children.add(ChildRun.start(dir.resolve("logs/again.log"), "run", spec.toString(), "--results",
                results.toString(), "--shard", "0/" + SHARDS, "--max-batch", "4"));
        for (ChildRun child : children) {
            assertEquals(0, child.await(), child.output());
        }
        assertEquals(List.of(), SweepFolders.temporaries(results.resolve("shards")));
        SweepFolders.assertSameFiles(dir.resolve("reference").resolve("shards"), results.resolve("shards"));
    }
}
