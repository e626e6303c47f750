package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs written before point's loss_reduction and weight_noise_mode existed (their config.json lacks them)
 * are neither trained again nor misread: beside new runs that sweep the new parameter, they report as the
 * runs they are, at the old behaviour's values.
 */
class RunsFromBeforeAParameterTest {
    @TempDir
    Path dir;

    private String spec(String name, String extra) throws IOException {
        String text = "{\"name\":\"older\",\"experiment\":\"point\",\"set\":{\"steps\":40,\"log_every\":10}," + extra
                + "\"seeds\":{\"count\":3}}";
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void olderRunsKeepTheirPlaceBesideRunsOfANewParameter() throws IOException {
        Path results = dir.resolve("results");
        Cli.Result first = Cli.main("run", spec("old.json", ""), "--results", results.toString(), "--plots", "none");
        assertEquals(0, first.code(), first.err());
        List<Path> configs;
        try (Stream<Path> files = Files.walk(results.resolve("older/runs"))) {
            configs = files.filter(f -> f.getFileName().toString().equals("config.json")).toList();
        }
        assertEquals(3, configs.size());
        for (Path file : configs) {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(file.toFile());
            ObjectNode config = (ObjectNode) root.get("config");
            assertTrue(config.remove("loss_reduction") != null && config.remove("weight_noise_mode") != null);
            Files.writeString(file, Json.mapper().writeValueAsString(root));
        }

        Cli.Result second = Cli.main("run", spec("new.json", "\"grid\":{\"weight_noise_mode\":[\"per_copy\",\"per_sample\"]},"),
                "--results", results.toString(), "--plots", "none");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("6 runs in shard 0/1, 3 already done, 3 to train"), second.err());
        Cli.Result report = Cli.main("report", results.resolve("older").toString(), "--format", "csv");
        assertEquals(0, report.code(), report.err());
        List<String> rows = Files.readAllLines(results.resolve("older/groups.csv"));
        assertEquals(3, rows.size(), String.join("\n", rows));
        // group_key, weight_noise_mode, n: three runs at each value, the older ones at per_copy.
        assertTrue(rows.get(1).contains(",per_copy,3,") && rows.get(2).contains(",per_sample,3,"),
                String.join("\n", rows));
    }
}
