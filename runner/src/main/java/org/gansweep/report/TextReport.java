package org.gansweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** An aligned table for a terminal. */
final class TextReport implements ReportFormat {
    @Override
    public void write(SweepReport report, Appendable out) throws IOException {
        List<List<String>> table = new ArrayList<>();
        table.add(ReportCells.header(report));
        report.groups().forEach(g -> table.add(ReportCells.orderedRow(report, g)));
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.append("sweep ").append(report.sweep()).append(": ").append(ReportCells.completeness(report)).append('\n');
        out.append(ReportCells.comparisonLine(report)).append('\n');
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append("  ");
                }
                line.append(" ".repeat(widths[c] - row.get(c).length())).append(row.get(c));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
