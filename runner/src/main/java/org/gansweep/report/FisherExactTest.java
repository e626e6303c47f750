package org.gansweep.report;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2x2 table, two-sided: given the margins, the number in the top-left cell is
 * hypergeometric (commons-math3 computes its probabilities), and the p-value sums the probabilities of every
 * table as probable as the observed one or less. Exact at the small seed counts of a sweep, where a
 * chi-squared approximation is not to be trusted.
 */
public final class FisherExactTest {
    /**
     * Tables whose probability is within this relative distance of the observed one count as equally probable,
     * as in R's fisher.test: symmetric tables have equal probabilities that floating point leaves ~1e-16 apart.
     */
    static final double RELATIVE_TOLERANCE = 1e-7;

    private FisherExactTest() {
    }

    /** The two-sided p-value of the table (a, b; c, d): rows are the two groups, columns success and failure. */
    public static double twoSided(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("cells (" + a + ", " + b + "; " + c + ", " + d + ") should be >= 0");
        }
        int total = a + b + c + d;
        if (total == 0) {
            throw new IllegalArgumentException("table should have at least one observation");
        }
        HypergeometricDistribution topLeft = new HypergeometricDistribution(total, a + c, a + b);
        double observed = topLeft.probability(a);
        double pValue = 0;
        for (int x = topLeft.getSupportLowerBound(); x <= topLeft.getSupportUpperBound(); x++) {
            double probability = topLeft.probability(x);
            if (probability <= observed * (1 + RELATIVE_TOLERANCE)) {
                pValue += probability;
            }
        }
        return Math.min(1, pValue);
    }
}
