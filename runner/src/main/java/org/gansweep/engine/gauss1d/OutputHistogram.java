package org.gansweep.engine.gauss1d;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * G's output law at a log step as counts of the eval_samples draws in fixed bins: 80 bins of 0.2 data_std
 * over data_mean +- 8 data_std (for N(4, 1.25^2): -6 to 14 in steps of 0.25), plus the draws below and above
 * that range. A bin's column is named by its centre, so histogram.csv reads without the tool. G's mean and
 * std alone cannot show what the source's pictures show: a spike (collapse), a skewed or two-humped output.
 */
final class OutputHistogram {
    static final int BINS = 80;
    static final double HALF_RANGE_STDS = 8;

    private final double low;
    private final double width;

    OutputHistogram(double dataMean, double dataStd) {
        low = dataMean - HALF_RANGE_STDS * dataStd;
        width = 2 * HALF_RANGE_STDS * dataStd / BINS;
    }

    /** step, below, each bin's centre (6 significant digits), above. */
    List<String> columns() {
        List<String> names = new ArrayList<>(BINS + 3);
        names.add("step");
        names.add("below");
        for (int b = 0; b < BINS; b++) {
            double centre = low + (b + 0.5) * width;
            names.add(BigDecimal.valueOf(centre).round(new MathContext(6)).stripTrailingZeros().toPlainString());
        }
        names.add("above");
        return names;
    }

    /** The row for one log step: counts of samples[from, from + n) per column (NaN draws are in none). */
    double[] row(long step, double[] samples, int from, int n) {
        double[] row = new double[BINS + 3];
        row[0] = step;
        for (int i = from; i < from + n; i++) {
            double x = samples[i];
            double bin = Math.floor((x - low) / width);
            if (bin < 0) {
                row[1]++;
            } else if (bin >= BINS) {
                row[BINS + 2]++;
            } else if (bin >= 0) {
                row[2 + (int) bin]++;
            }
        }
        return row;
    }
}
