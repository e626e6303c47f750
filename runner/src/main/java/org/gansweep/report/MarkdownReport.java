package org.gansweep.report;

import java.io.IOException;
import java.util.List;

/** A GitHub markdown table with a one-line header. */
final class MarkdownReport implements ReportFormat {
    @Override
    public void write(SweepReport report, Appendable out) throws IOException {
        out.append("# Sweep `").append(report.sweep()).append("`\n\n").append(ReportCells.completeness(report))
                .append(". Success rate with a Wilson 95% interval; median steps to converge by Kaplan-Meier ")
                .append("(\">N\": fewer than half converged within N steps). ")
                .append(ReportCells.comparisonLine(report)).append("\n\n");
        List<String> header = ReportCells.header(report);
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (GroupSummary g : report.groups()) {
            out.append("| ").append(String.join(" | ", ReportCells.orderedRow(report, g))).append(" |\n");
        }
    }
}
