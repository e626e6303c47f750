package org.gansweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gansweep.engine.Outcome;

/** groups.csv: one row per group, full precision, for spreadsheets and scripts. */
final class CsvReport implements ReportFormat {
    @Override
    public void write(SweepReport report, Appendable out) throws IOException {
        TreeSet<String> metrics = new TreeSet<>();
        report.groups().forEach(g -> metrics.addAll(g.medianFinal().keySet()));
        List<String> header = new ArrayList<>(List.of("group_key"));
        header.addAll(report.varyingKeys());
        header.addAll(List.of("n", "successes", "success_rate", "ci_low", "ci_high", "median_steps_to_converge",
                "median_censored_at"));
        for (Outcome o : Outcome.values()) {
            header.add(o.label());
        }
        metrics.forEach(m -> header.add("median_final_" + m));
        BaselineComparison comparison = report.comparison();
        if (comparison.present()) {
            header.addAll(List.of("vs_ref_diff", "vs_ref_diff_lo", "vs_ref_diff_hi", "vs_ref_p", "vs_ref_p_holm",
                    "vs_ref_verdict", "vs_ref_steps_diff", "vs_ref_steps_lo", "vs_ref_steps_hi"));
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(header);
            for (GroupSummary g : report.groups()) {
                List<Object> row = new ArrayList<>(List.of(g.group().value()));
                row.addAll(ReportCells.parameterValues(report, g));
                row.addAll(List.of(g.runs(), g.successes(), g.successRate(), g.interval().lowerBound(),
                        g.interval().upperBound()));
                row.add(g.medianStepsToConverge().isPresent() ? (Object) g.medianStepsToConverge().getAsDouble() : "");
                row.add(g.medianStepsToConverge().isPresent() ? "" : (Object) g.censoredAt());
                for (Outcome o : Outcome.values()) {
                    row.add(g.count(o));
                }
                metrics.forEach(m -> row.add(g.medianFinal().containsKey(m) ? (Object) g.medianFinal().get(m) : ""));
                if (comparison.present()) {
                    row.addAll(comparison(comparison, g));
                }
                printer.printRecord(row);
            }
        }
    }

    /** Full precision; the reference's row says "reference", a group without converged runs has blank steps. */
    private static List<Object> comparison(BaselineComparison comparison, GroupSummary g) {
        Optional<GroupComparison> versus = comparison.of(g.group());
        if (versus.isEmpty()) {
            return List.of("", "", "", "", "", "reference", "", "", "");
        }
        GroupComparison c = versus.get();
        List<Object> cells = new ArrayList<>(List.of(c.difference(), c.differenceInterval().lowerBound(),
                c.differenceInterval().upperBound(), c.pValue(), c.adjustedPValue(), c.verdict().label()));
        if (c.steps().isPresent()) {
            cells.addAll(List.of(c.steps().get().difference(), c.steps().get().interval().lowerBound(),
                    c.steps().get().interval().upperBound()));
        } else {
            cells.addAll(List.of("", "", ""));
        }
        return cells;
    }
}
