package org.gansweep.picture;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.plan.GroupKey;
import org.gansweep.record.RunRecord;
import org.gansweep.report.GroupSummary;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Steps to converge of every run, one row per group (same order as the success chart). Runs that never
 * converged are censored: drawn as open red circles just past the run length, so a group's failures stay
 * visible beside its successes.
 */
final class StepsToConvergeChart {
    static final String FILE = "steps-to-converge.png";

    private StepsToConvergeChart() {
    }

    static void write(List<GroupSummary> groups, Map<GroupKey, List<RunRecord>> runs, String title, Path file) {
        List<GroupSummary> order = SuccessRateChart.sorted(groups);
        XYSeries converged = new XYSeries("converged", false);
        XYSeries censored = new XYSeries("not converged (at run length)", false);
        String[] labels = new String[order.size()];
        long longest = 1;
        for (int i = 0; i < order.size(); i++) {
            GroupSummary g = order.get(i);
            int y = order.size() - 1 - i;
            labels[y] = Labels.group(g);
            List<RunRecord> members = runs.getOrDefault(g.group(), List.of());
            for (int k = 0; k < members.size(); k++) {
                RunRecord r = members.get(k);
                longest = Math.max(longest, r.steps());
                // A small deterministic spread, so equal values do not hide each other.
                double jitter = members.size() > 1 ? 0.3 * ((double) k / (members.size() - 1) - 0.5) : 0;
                if (r.success()) {
                    converged.add(r.stepsToConverge().getAsLong(), y + jitter);
                } else {
                    censored.add(r.steps() * 1.02, y + jitter);
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(converged);
        data.addSeries(censored);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(0, new Color(31, 119, 180, 170));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesShapesFilled(1, false);
        renderer.setSeriesPaint(1, Charts.TARGET);
        NumberAxis x = new NumberAxis("steps to converge");
        x.setRange(0, longest * 1.06);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setTickLabelFont(Charts.SMALL);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Charts.writePng(Charts.chart(title, plot, true), SuccessRateChart.WIDTH,
                SuccessRateChart.height(order.size()) + 30, file);
    }
}
