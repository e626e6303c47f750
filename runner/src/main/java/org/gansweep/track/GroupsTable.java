package org.gansweep.track;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sweep's groups as an MLflow table artifact: the JSON that Python's {@code mlflow.log_table} writes
 * ({@code {"columns": [...], "data": [[...], ...]}}, pandas' "split" layout without the index), which the UI
 * shows as a table once the run's {@code mlflow.loggedArtifacts} tag lists it with type "table". One row per
 * group: its run name, the varying values, the counts, the success rate with its Wilson 95% interval, the
 * median steps to converge (null when fewer than half converged), the outcome counts, and, when the sweep
 * has a reference group, each group's difference from it with its interval, Holm-adjusted p and verdict
 * (nulls and "reference" on the reference's row).
 */
final class GroupsTable {
    static final String FILE = "groups.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private GroupsTable() {
    }

    /** The {@code mlflow.loggedArtifacts} tag value that makes the UI render {@link #FILE} as a table. */
    static String loggedArtifactsTag() {
        ArrayNode list = JSON.createArrayNode();
        list.addObject().put("path", FILE).put("type", "table");
        return list.toString();
    }

    static byte[] json(List<GroupTotals> groups, List<String> varyingKeys, Map<String, String> names) {
        List<String> outcomes = groups.isEmpty() ? List.of() : new ArrayList<>(groups.get(0).outcomes().keySet());
        ObjectNode table = JSON.createObjectNode();
        ArrayNode columns = table.putArray("columns");
        columns.add("group");
        varyingKeys.forEach(columns::add);
        for (String column : List.of("n", "successes", "success_rate", "ci_low", "ci_high", "median_steps_to_converge")) {
            columns.add(column);
        }
        outcomes.forEach(label -> columns.add("outcome_" + label));
        boolean compared = groups.stream().anyMatch(GroupTotals::reference);
        if (compared) {
            List.of("vs_ref_diff", "vs_ref_diff_lo", "vs_ref_diff_hi", "vs_ref_p_holm", VersusReference.VERDICT_TAG)
                    .forEach(columns::add);
        }
        ArrayNode data = table.putArray("data");
        for (GroupTotals group : groups) {
            ArrayNode row = data.addArray();
            row.add(names.getOrDefault(group.groupKey(), group.label()));
            for (String key : varyingKeys) {
                row.add(JSON.valueToTree(group.parameters().get(key)));
            }
            row.add(group.runs()).add(group.successes()).add(group.successRate()).add(group.ciLow())
                    .add(group.ciHigh());
            if (group.medianStepsToConverge().isPresent()) {
                row.add(group.medianStepsToConverge().getAsDouble());
            } else {
                row.addNull();
            }
            outcomes.forEach(label -> row.add(group.outcomes().getOrDefault(label, 0)));
            if (compared) {
                versus(row, group);
            }
        }
        return table.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void versus(ArrayNode row, GroupTotals group) {
        if (group.versusReference().isEmpty()) {
            row.addNull().addNull().addNull().addNull();
            row.add(group.reference() ? VersusReference.REFERENCE : null);
            return;
        }
        VersusReference v = group.versusReference().get();
        row.add(v.difference()).add(v.differenceLow()).add(v.differenceHigh()).add(v.adjustedPValue()).add(v.verdict());
    }
}
