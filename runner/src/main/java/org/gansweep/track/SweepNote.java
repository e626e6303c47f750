package org.gansweep.track;

import java.util.Locale;

/**
 * The experiment's description in MLflow (its {@code mlflow.note.content} tag, shown above the run list, in
 * Markdown): what was swept, the command that ran it, the counts, and where each number lives in the run tree.
 */
final class SweepNote {
    private SweepNote() {
    }

    static String of(SweepInfo sweep) {
        int groups = sweep.groupSizes().size();
        long sizes = sweep.groupSizes().values().stream().distinct().count();
        String counts = sizes == 1
                ? String.format(Locale.ROOT, "%d groups x %d seeds = %d runs", groups,
                        sweep.groupSizes().values().iterator().next(), sweep.plannedRuns())
                : String.format(Locale.ROOT, "%d groups, %d runs", groups, sweep.plannedRuns());
        StringBuilder note = new StringBuilder();
        note.append("**").append(sweep.name()).append("**: a gansweep sweep of the `").append(sweep.experiment())
                .append("` experiment, ").append(counts).append(".\n\n");
        if (!sweep.description().isBlank()) {
            note.append(sweep.description().strip()).append("\n\n");
        }
        note.append("Varying: ").append(sweep.varyingKeys().isEmpty() ? "nothing (one group)"
                : "`" + String.join("`, `", sweep.varyingKeys()) + "`").append(".\n\n");
        if (!sweep.command().isEmpty()) {
            note.append("Command: `").append(sweep.command()).append("`\n\n");
        }
        note.append("Runs: the sweep run `").append(sweep.name()).append("` holds the groups table (groups.json), ")
                .append("report.html and the charts; under it one run per group (success_rate, ci_low, ci_high, n, ")
                .append("median steps to converge, outcome counts, the difference from the reference group (vs_ref_* ")
                .append("metrics, the verdict in the vs_ref_verdict tag) when the sweep has one, and the seeds' median ")
                .append("and quartiles over ")
                .append("training); under each group one run per seed (its trajectory, with trajectory.csv at full ")
                .append("resolution). Run names show what differs from the defaults");
        String legend = new RunNames(sweep.varyingKeys(), sweep.defaults()).legend();
        note.append(legend.isEmpty() ? "" : " (" + legend + ")").append(", and `s7` for seed 7; full values are ")
                .append("the params. Spec hash ").append(sweep.specHash()).append(".\n");
        return note.toString();
    }
}
