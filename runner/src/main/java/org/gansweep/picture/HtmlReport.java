package org.gansweep.picture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.plan.GroupKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.report.GroupSummary;
import org.gansweep.report.ReportCells;
import org.gansweep.report.SweepReport;

/**
 * {@code report.html}: one static page, no scripts and no network, with the report table, the sweep charts,
 * each group's trajectory bands, and every run with links to its pictures and files. Links are relative,
 * so the folder can be copied or served as it is.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    public static Path write(ResultStore store, SweepReport report, List<RunRecord> records, SweepPictures.Drawn drawn) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(report.sweep())).append(" - gansweep</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1200px}")
                .append("table{border-collapse:collapse;font-size:13px;margin:8px 0 20px}")
                .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("th{background:#f0f0f0}td.l,th.l{text-align:left}")
                .append("img{max-width:100%;border:1px solid #ddd;margin:6px 0}")
                .append(".ok{color:#2a7d2a}.bad{color:#b22}h2{margin-top:32px}")
                .append("\n</style></head><body>\n");
        html.append("<h1>Sweep <code>").append(escape(report.sweep())).append("</code></h1>\n<p>")
                .append(escape(ReportCells.completeness(report)))
                .append(". Success rate with a Wilson 95% interval; median steps to converge by Kaplan-Meier (\"&gt;N\": ")
                .append("fewer than half converged within N steps). Files: <a href=\"sweep.json\">sweep.json</a>, ")
                .append("<a href=\"summary.csv\">summary.csv</a>, <a href=\"groups.csv\">groups.csv</a>.</p>\n<p>")
                .append(escape(ReportCells.comparisonLine(report))).append("</p>\n");
        table(html, report);
        html.append("<h2>Charts</h2>\n");
        for (String chart : drawn.sweepCharts()) {
            html.append("<div><img src=\"").append(chart).append("\" alt=\"").append(escape(chart)).append("\"></div>\n");
        }
        Map<GroupKey, List<RunRecord>> byGroup = new LinkedHashMap<>();
        records.forEach(r -> byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        html.append("<h2>Groups</h2>\n");
        for (GroupSummary group : report.groups()) {
            html.append("<h3 id=\"g").append(group.group().value()).append("\">").append(escape(Labels.group(group)))
                    .append(" &mdash; ").append(group.successes()).append("/").append(group.runs())
                    .append(" converged</h3>\n");
            String bands = drawn.bands().get(group.group());
            if (bands != null) {
                html.append("<div><img src=\"").append(bands).append("\" alt=\"trajectory bands\"></div>\n");
            }
            runs(html, byGroup.getOrDefault(group.group(), List.of()), drawn, store.sweepDir());
        }
        html.append("<p>Written by gansweep from the results folder only.</p>\n</body></html>\n");
        Path file = store.sweepDir().resolve(FILE);
        Charts.write(file, html.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void table(StringBuilder html, SweepReport report) {
        List<String> header = ReportCells.header(report);
        int parameters = report.varyingKeys().size();
        html.append("<table>\n<tr>");
        for (int i = 0; i < header.size(); i++) {
            html.append(i < parameters ? "<th class=\"l\">" : "<th>").append(escape(header.get(i))).append("</th>");
        }
        html.append("</tr>\n");
        for (GroupSummary g : report.groups()) {
            List<String> row = ReportCells.orderedRow(report, g);
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = escape(row.get(i));
                if (i == 0) {
                    cell = "<a href=\"#g" + g.group().value() + "\">" + cell + "</a>";
                }
                html.append(i < parameters ? "<td class=\"l\">" : "<td>").append(cell).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void runs(StringBuilder html, List<RunRecord> runs, SweepPictures.Drawn drawn, Path sweepDir) {
        html.append("<table>\n<tr><th>seed</th><th class=\"l\">outcome</th><th>steps to converge</th>")
                .append("<th class=\"l\">pictures</th><th class=\"l\">files</th></tr>\n");
        for (RunRecord r : runs) {
            String dir = "runs/" + r.key().value() + "/";
            html.append("<tr><td>").append(r.seed()).append("</td><td class=\"l ").append(r.success() ? "ok" : "bad")
                    .append("\">").append(r.outcome().label()).append("</td><td>")
                    .append(r.stepsToConverge().isPresent() ? Long.toString(r.stepsToConverge().getAsLong()) : "-")
                    .append("</td><td class=\"l\">");
            List<String> pictures = drawn.runs().getOrDefault(r.key(), List.of());
            for (String picture : pictures) {
                String label = picture.endsWith(".gif") ? "animation" : "trajectory";
                html.append("<a href=\"").append(picture).append("\">").append(label).append("</a> ");
            }
            html.append("</td><td class=\"l\">");
            for (String file : List.of("trajectory.csv", "histogram.csv", "summary.json", "config.json")) {
                if (!Files.exists(sweepDir.resolve(dir + file))) {
                    continue; // histogram.csv: only the experiments whose G outputs one number write it
                }
                html.append("<a href=\"").append(dir).append(file).append("\">").append(file).append("</a> ");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
