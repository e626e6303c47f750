package org.gansweep.picture;

import java.util.stream.Collectors;
import org.gansweep.report.GroupSummary;

/** How a group is named in pictures: by the values that vary in the sweep. */
final class Labels {
    private Labels() {
    }

    static String group(GroupSummary g) {
        if (g.parameters().isEmpty()) {
            return "all runs";
        }
        return g.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
