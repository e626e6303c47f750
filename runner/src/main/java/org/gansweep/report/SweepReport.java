package org.gansweep.report;

import java.util.List;

/** The report of one sweep: its groups, sorted by their varying parameters. Immutable. */
public record SweepReport(String sweep, List<String> varyingKeys, List<GroupSummary> groups, int completeRuns,
                          int plannedRuns) {
    public SweepReport {
        varyingKeys = List.copyOf(varyingKeys);
        groups = List.copyOf(groups);
    }
}
