package org.gansweep.report;

/**
 * Newcombe's hybrid score interval for a difference of two independent proportions, p1 - p2 (R. G. Newcombe,
 * "Interval estimation for the difference between independent proportions", Statistics in Medicine 17:873-890,
 * 1998, method 10). It combines the two Wilson score intervals (without continuity correction), so like them
 * it stays inside [-1, 1] and behaves at 0 or n successes, where the usual Wald interval collapses to a point.
 */
public final class NewcombeInterval {
    private NewcombeInterval() {
    }

    public static ConfidenceInterval of(int trials1, int successes1, int trials2, int successes2,
                                        double confidenceLevel) {
        ConfidenceInterval wilson1 = WilsonScoreInterval.of(trials1, successes1, confidenceLevel);
        ConfidenceInterval wilson2 = WilsonScoreInterval.of(trials2, successes2, confidenceLevel);
        double p1 = (double) successes1 / trials1;
        double p2 = (double) successes2 / trials2;
        double difference = p1 - p2;
        // The lower bound takes p1's downward and p2's upward uncertainty, each as far as its Wilson bound.
        double lowerBound = difference - Math.hypot(p1 - wilson1.lowerBound(), wilson2.upperBound() - p2);
        double upperBound = difference + Math.hypot(wilson1.upperBound() - p1, p2 - wilson2.lowerBound());
        return new ConfidenceInterval(lowerBound, upperBound, confidenceLevel);
    }
}
