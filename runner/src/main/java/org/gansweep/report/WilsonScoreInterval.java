package org.gansweep.report;

/**
 * Wilson score interval for a success rate (E. B. Wilson, 1927): unlike the normal approximation it stays
 * inside [0, 1] and is honest at 0 or n successes, which small seed counts hit all the time. The
 * arithmetic is commons-math3's.
 */
public final class WilsonScoreInterval {
    private WilsonScoreInterval() {
    }

    public static ConfidenceInterval of(int numberOfTrials, int numberOfSuccesses, double confidenceLevel) {
        if (numberOfTrials <= 0) {
            throw new IllegalArgumentException("numberOfTrials (" + numberOfTrials + ") should be positive");
        }
        if (numberOfSuccesses < 0 || numberOfSuccesses > numberOfTrials) {
            throw new IllegalArgumentException("numberOfSuccesses (" + numberOfSuccesses + ") should be in [0, "
                    + numberOfTrials + "]");
        }
        org.apache.commons.math3.stat.interval.ConfidenceInterval ci =
                new org.apache.commons.math3.stat.interval.WilsonScoreInterval()
                        .createInterval(numberOfTrials, numberOfSuccesses, confidenceLevel);
        // Exact at the edges: the formula gives 0 and 1 there, but floating point leaves ~1e-17 off.
        double lower = numberOfSuccesses == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double upper = numberOfSuccesses == numberOfTrials ? 1 : Math.min(1, ci.getUpperBound());
        return new ConfidenceInterval(lower, upper, confidenceLevel);
    }
}
