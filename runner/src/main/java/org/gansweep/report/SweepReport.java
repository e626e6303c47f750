package org.gansweep.report;

import java.util.List;

/**
 * The report of one sweep: its groups, sorted by their varying parameters, and the final metrics whose
 * per-group medians the tables show beside the success rate (the experiment's headline numbers, such as
 * linear2d's covariance error). Immutable.
 */
public record SweepReport(String sweep, List<String> varyingKeys, List<GroupSummary> groups, int completeRuns,
                          int plannedRuns, List<String> finalColumns) {
    public SweepReport {
        varyingKeys = List.copyOf(varyingKeys);
        groups = List.copyOf(groups);
        finalColumns = List.copyOf(finalColumns);
    }

    public SweepReport(String sweep, List<String> varyingKeys, List<GroupSummary> groups, int completeRuns,
                       int plannedRuns) {
        this(sweep, varyingKeys, groups, completeRuns, plannedRuns, List.of());
    }
}
