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
        return new ConfidenceInterval(Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()),
                confidenceLevel);
    }
}
