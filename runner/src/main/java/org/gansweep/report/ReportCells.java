package org.gansweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gansweep.engine.Outcome;

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
        List<String> params = parameterValues(report, g);
        for (int i = 0; i < params.size(); i++) {
            row.set(i, params.get(i));
        }
        return row;
    }

    public static String completeness(SweepReport report) {
        return report.completeRuns() + " of " + report.plannedRuns() + " runs complete, " + report.groups().size()
                + " groups";
    }
}
