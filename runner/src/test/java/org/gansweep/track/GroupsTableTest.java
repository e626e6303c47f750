package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The groups table is MLflow's table format (pandas "split" without the index), pinned by a golden file. */
class GroupsTableTest {
    @Test
    void theGroupsTableIsTheJsonMlflowLogTableWrites() throws IOException {
        GroupTotals plain = new GroupTotals("g0", new TreeMap<>(Map.of("weight_noise", 0.0)), 16, 14, 0.64, 0.965,
                OptionalDouble.of(1142), new TreeMap<>(Map.of("converged", 14, "oscillating", 2)), List.of());
        GroupTotals noisy = new GroupTotals("g1", new TreeMap<>(Map.of("weight_noise", 1.5)), 16, 0, 0.0, 0.194,
                OptionalDouble.empty(), new TreeMap<>(Map.of("converged", 0, "oscillating", 16)), List.of());
        String json = new String(GroupsTable.json(List.of(plain, noisy), List.of("weight_noise"),
                Map.of("g0", "defaults", "g1", "wn=1.5")), StandardCharsets.UTF_8);
        try (InputStream golden = getClass().getResourceAsStream("groups-table.json")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip(), json);
        }
        assertEquals("[{\"path\":\"groups.json\",\"type\":\"table\"}]", GroupsTable.loggedArtifactsTag());
    }
}
