package org.gansweep.picture;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.gansweep.report.GroupSummary;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/** Success rate per group with its Wilson 95% interval as an error bar, best group on top. */
final class SuccessRateChart {
    static final String FILE = "success-rate.png";
    static final int WIDTH = 900;

    private SuccessRateChart() {
    }

    /** Groups from the highest success rate down (ties: the tighter lower bound first). */
    static List<GroupSummary> sorted(List<GroupSummary> groups) {
        return groups.stream().sorted(Comparator.comparingDouble(GroupSummary::successRate).reversed()
                .thenComparing(Comparator.comparingDouble((GroupSummary g) -> g.interval().lowerBound()).reversed()))
                .toList();
    }

    static int height(int groups) {
        return 90 + 30 * groups;
    }

    static void write(List<GroupSummary> groups, String title, Path file) {
        List<GroupSummary> order = sorted(groups);
        XIntervalSeries rates = new XIntervalSeries("success rate, Wilson 95%");
        String[] labels = new String[order.size()];
        for (int i = 0; i < order.size(); i++) {
            GroupSummary g = order.get(i);
            // Best on top: the first group gets the highest y.
            int y = order.size() - 1 - i;
            labels[y] = Labels.group(g) + "  (" + g.successes() + "/" + g.runs() + ")";
            rates.add(g.successRate(), g.interval().lowerBound(), g.interval().upperBound(), y);
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(rates);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setErrorPaint(Charts.INK);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(8);
        renderer.setSeriesPaint(0, Charts.SECOND);
        NumberAxis x = new NumberAxis("success rate");
        x.setRange(0, 1.0001);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setTickLabelFont(Charts.SMALL);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
        Charts.writePng(Charts.chart(title, plot, false), WIDTH, height(order.size()), file);
    }
}
