package org.gansweep.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVPrinter;

/** summary.csv: one row per complete run, sorted by run key, with no timing so resumed sweeps match. */
final class SummaryCsv {
    private SummaryCsv() {
    }

    static String format(List<RunRecord> records, List<String> varyingKeys) {
        TreeSet<String> metrics = new TreeSet<>();
        records.forEach(r -> metrics.addAll(r.finalMetrics().keySet()));
        List<String> header = new ArrayList<>(List.of("run_key", "group_key", "seed"));
        header.addAll(varyingKeys);
        header.addAll(List.of("outcome", "success", "steps", "steps_to_converge"));
        metrics.forEach(m -> header.add("final_" + m));
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, TrajectoryCsv.FORMAT)) {
            printer.printRecord(header);
            List<RunRecord> sorted = new ArrayList<>(records);
            sorted.sort(Comparator.comparing(RunRecord::key));
            for (RunRecord r : sorted) {
                List<Object> row = new ArrayList<>(List.of(r.key().value(), r.group().value(), r.seed()));
                varyingKeys.forEach(k -> row.add(r.config().value(k)));
                row.add(r.outcome().label());
                row.add(r.success() ? 1 : 0);
                row.add(r.steps());
                row.add(r.stepsToConverge().isPresent() ? Long.toString(r.stepsToConverge().getAsLong()) : "");
                metrics.forEach(m -> row.add(r.finalMetric(m).map(String::valueOf).orElse("")));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
