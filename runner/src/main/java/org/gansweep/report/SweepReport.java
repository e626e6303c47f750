package org.gansweep.report;

import java.util.List;

/**
 * The report of one sweep: its groups, sorted by their varying parameters, and the final metrics whose
 * per-group medians the tables show beside the success rate (the experiment's headline numbers, such as
 * linear2d's covariance error), and every group against the sweep's reference group. Immutable.
 */
public record SweepReport(String sweep, List<String> varyingKeys, List<GroupSummary> groups, int completeRuns,
                          int plannedRuns, List<String> finalColumns, BaselineComparison comparison) {
    public SweepReport {
        varyingKeys = List.copyOf(varyingKeys);
        groups = List.copyOf(groups);
        finalColumns = List.copyOf(finalColumns);
    }

}
