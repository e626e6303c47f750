package org.gansweep.engine.gauss1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bins of G's output histogram: edges, the two overflow columns, and where NaN draws go (nowhere). */
class OutputHistogramTest {
    @Test
    void binsOfAQuarterOverMinusSixToFourteenForTheDefaultTarget() {
        OutputHistogram histogram = new OutputHistogram(4.0, 1.25);
        assertEquals(83, histogram.columns().size());
        assertEquals("-5.875", histogram.columns().get(2));
        assertEquals("4.125", histogram.columns().get(42));
        // Samples 1 and 2 of {x, -6, 4, 4.2499, 13.99, 14, -6.01, NaN}: from = 1, n = 6 leaves out x and NaN.
        double[] samples = {99, -6.0, 4.0, 4.2499, 13.99, 14.0, -6.01, Double.NaN};
        double[] row = histogram.row(7, samples, 1, 6);
        assertEquals(7.0, row[0]);
        assertEquals(1.0, row[1], "below: -6.01");
        assertEquals(1.0, row[2], "first bin [-6, -5.75): -6 itself");
        assertEquals(2.0, row[42], "bin [4, 4.25): 4 and 4.2499");
        assertEquals(1.0, row[81], "last bin [13.75, 14): 13.99");
        assertEquals(1.0, row[82], "above: 14, the range's open end");
        double total = 0;
        for (int c = 1; c < row.length; c++) {
            total += row[c];
        }
        assertEquals(6.0, total);
        double nanCount = 0;
        for (double v : histogram.row(0, samples, 7, 1)) {
            nanCount += v;
        }
        assertEquals(0.0, nanCount, "a NaN draw (the row's step is 0) counts nowhere");
    }
}
