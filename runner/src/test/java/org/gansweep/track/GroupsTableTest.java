package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The groups table is MLflow's table format (pandas "split" without the index), pinned by a golden file. */
class GroupsTableTest {
    @Test
    void theGroupsTableIsTheJsonMlflowLogTableWrites() throws IOException {
        GroupTotals plain = new GroupTotals("g0", new TreeMap<>(Map.of("weight_noise", 0.0)), 16, 14, 0.64, 0.965,
                OptionalDouble.of(1142), new TreeMap<>(Map.of("converged", 14, "oscillating", 2)), List.of(),
                Optional.empty(), false);
        GroupTotals noisy = new GroupTotals("g1", new TreeMap<>(Map.of("weight_noise", 1.5)), 16, 0, 0.0, 0.194,
                OptionalDouble.empty(), new TreeMap<>(Map.of("converged", 0, "oscillating", 16)), List.of(),
                Optional.empty(), false);
        String json = new String(GroupsTable.json(List.of(plain, noisy), List.of("weight_noise"),
                Map.of("g0", "defaults", "g1", "wn=1.5")), StandardCharsets.UTF_8);
        try (InputStream golden = getClass().getResourceAsStream("groups-table.json")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip(), json);
        }
        assertEquals("[{\"path\":\"groups.json\",\"type\":\"table\"}]", GroupsTable.loggedArtifactsTag());
    }

    @Test
    void aSweepWithAReferenceGroupHasTheComparisonColumns() {
        GroupTotals plain = new GroupTotals("g0", new TreeMap<>(Map.of("weight_noise", 0.0)), 16, 14, 0.64, 0.965,
                OptionalDouble.of(1142), new TreeMap<>(Map.of("converged", 14)), List.of(), Optional.empty(), true);
        GroupTotals noisy = new GroupTotals("g1", new TreeMap<>(Map.of("weight_noise", 1.5)), 16, 0, 0.0, 0.194,
                OptionalDouble.empty(), new TreeMap<>(Map.of("converged", 0)), List.of(), Optional.of(
                new VersusReference("worse", -0.875, -0.95, -0.6, 1e-6, 2e-6, Optional.empty())), false);
        String json = new String(GroupsTable.json(List.of(plain, noisy), List.of("weight_noise"),
                Map.of("g0", "defaults", "g1", "wn=1.5")), StandardCharsets.UTF_8);
        assertEquals("{\"columns\":[\"group\",\"weight_noise\",\"n\",\"successes\",\"success_rate\",\"ci_low\","
                + "\"ci_high\",\"median_steps_to_converge\",\"outcome_converged\",\"vs_ref_diff\",\"vs_ref_diff_lo\","
                + "\"vs_ref_diff_hi\",\"vs_ref_p_holm\",\"vs_ref_verdict\"],\"data\":["
                + "[\"defaults\",0.0,16,14,0.875,0.64,0.965,1142.0,14,null,null,null,null,\"reference\"],"
                + "[\"wn=1.5\",1.5,16,0,0.0,0.0,0.194,null,0,-0.875,-0.95,-0.6,2.0E-6,\"worse\"]]}", json);
    }
}
