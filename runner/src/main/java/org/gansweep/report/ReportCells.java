package org.gansweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gansweep.engine.Outcome;
import org.gansweep.plan.GroupKey;

/** The human-readable columns shared by the text and markdown tables. */
public final class ReportCells {
    private ReportCells() {
    }

    public static List<String> header(SweepReport report) {
        List<String> header = new ArrayList<>(report.varyingKeys());
        header.addAll(List.of("n", "ok", "rate", "wilson95", "median_steps"));
        for (Outcome o : Outcome.values()) {
            header.add(o.label());
        }
        report.finalColumns().forEach(c -> header.add("median_" + c));
        if (report.comparison().present()) {
            header.addAll(List.of("vs_ref", "vs_ref95", "p_holm", "verdict", "steps_vs_ref", "steps_vs_ref95"));
        }
        return header;
    }

    /** A group's median of a final metric, 4 significant digits; "-" when no run has it. */
    static String medianFinal(GroupSummary g, String metric) {
        Double median = g.medianFinal().get(metric);
        return median == null || median.isNaN() ? "-" : String.format(Locale.ROOT, "%.4g", median);
    }

    static List<String> row(GroupSummary g) {
        List<String> row = new ArrayList<>();
        g.parameters().values().forEach(v -> row.add(String.valueOf(v)));
        row.add(Integer.toString(g.runs()));
        row.add(Integer.toString(g.successes()));
        row.add(String.format(Locale.ROOT, "%.3f", g.successRate()));
        row.add(String.format(Locale.ROOT, "[%.3f, %.3f]", g.interval().lowerBound(), g.interval().upperBound()));
        row.add(g.medianStepsToConverge().isPresent()
                ? String.format(Locale.ROOT, "%.0f", g.medianStepsToConverge().getAsDouble()) : ">" + g.censoredAt());
        for (Outcome o : Outcome.values()) {
            row.add(Integer.toString(g.count(o)));
        }
        return row;
    }

    /** Parameters in key order, matching the header. */
    static List<String> parameterValues(SweepReport report, GroupSummary g) {
        List<String> values = new ArrayList<>();
        report.varyingKeys().forEach(k -> values.add(String.valueOf(g.parameters().get(k))));
        return values;
    }

    public static List<String> orderedRow(SweepReport report, GroupSummary g) {
        List<String> row = row(g);
        report.finalColumns().forEach(c -> row.add(medianFinal(g, c)));
        if (report.comparison().present()) {
            row.addAll(comparison(report.comparison(), g));
        }
        List<String> params = parameterValues(report, g);
        for (int i = 0; i < params.size(); i++) {
            row.set(i, params.get(i));
        }
        return row;
    }

    /** The comparison cells of a group: "reference" on the reference's row, "-" where there is no value. */
    private static List<String> comparison(BaselineComparison comparison, GroupSummary g) {
        Optional<GroupComparison> versus = comparison.of(g.group());
        if (versus.isEmpty()) {
            return List.of("-", "-", "-", "reference", "-", "-");
        }
        GroupComparison c = versus.get();
        List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%+.3f", c.difference()),
                String.format(Locale.ROOT, "[%+.3f, %+.3f]", c.differenceInterval().lowerBound(),
                        c.differenceInterval().upperBound()),
                String.format(Locale.ROOT, "%.3g", c.adjustedPValue()), c.verdict().label()));
        if (c.steps().isPresent()) {
            BootstrapMedianDifference.Estimate steps = c.steps().get();
            cells.add(String.format(Locale.ROOT, "%+.0f", steps.difference()));
            cells.add(String.format(Locale.ROOT, "[%+.0f, %+.0f]", steps.interval().lowerBound(),
                    steps.interval().upperBound()));
        } else {
            cells.addAll(List.of("-", "-"));
        }
        return cells;
    }

    /**
     * One line on the comparison columns: the reference group and how it was chosen, and the methods; or why
     * there are no comparison columns.
     */
    public static String comparisonLine(SweepReport report) {
        BaselineComparison comparison = report.comparison();
        if (!comparison.present()) {
            return "No comparison columns: " + comparison.note() + ".";
        }
        GroupKey reference = comparison.reference().get();
        String label = report.groups().stream().filter(g -> g.group().equals(reference)).findFirst()
                .map(ReportCells::label).orElseThrow();
        int compared = comparison.groups().size();
        return "Reference: " + label + " (" + comparison.note() + "). vs_ref: difference in success rate, "
                + "Newcombe's hybrid-score 95% interval; p_holm: Fisher's exact test, Holm-adjusted over " + compared
                + (compared == 1 ? " compared group" : " compared groups") + ", verdict at p_holm < 0.05; "
                + "steps_vs_ref: difference in median steps to converge of converged runs, bootstrap 95% interval "
                + "(\"-\": no converged run).";
    }

    /** "easing=0.1 steps=2000", or "all runs" when nothing varies. */
    static String label(GroupSummary g) {
        if (g.parameters().isEmpty()) {
            return "all runs";
        }
        List<String> pairs = new ArrayList<>();
        g.parameters().forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(" ", pairs);
    }

    public static String completeness(SweepReport report) {
        return report.completeRuns() + " of " + report.plannedRuns() + " runs complete, " + report.groups().size()
                + " groups";
    }
}
