package org.gansweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
                printer.printRecord(row);
            }
        }
    }
}
