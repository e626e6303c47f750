package org.gansweep.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The difference of two medians (group minus reference) with a percentile bootstrap interval: each resample
 * draws, with replacement, as many values from each group as it has, and the interval is the middle
 * {@code confidenceLevel} of the resampled differences. The values are steps to converge of converged runs;
 * with no value in either group there is nothing to compare (empty). A group with one value contributes no
 * spread, so its uncertainty is missing from the interval. Deterministic: the random stream is seeded.
 */
public final class BootstrapMedianDifference {
    /** Resamples per interval: percentile intervals want at least 1000 (Efron and Tibshirani, 1993). */
    static final int RESAMPLES = 2000;
    /** Fixed, so the same results give the same report. */
    static final long SEED = 20261202L;

    /** The observed difference of medians and its bootstrap interval. Immutable. */
    public record Estimate(double difference, ConfidenceInterval interval) {
    }

    private BootstrapMedianDifference() {
    }

    public static Optional<Estimate> of(double[] group, double[] reference, double confidenceLevel) {
        if (group.length == 0 || reference.length == 0) {
            return Optional.empty();
        }
        Median median = new Median();
        double difference = median.evaluate(group) - median.evaluate(reference);
        // Sorted copies: the resamples then depend on the values only, not on the order the runs were read in.
        double[] sortedGroup = sorted(group);
        double[] sortedReference = sorted(reference);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] differences = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            differences[r] = median.evaluate(resample(sortedGroup, random))
                    - median.evaluate(resample(sortedReference, random));
        }
        double tail = 100 * (1 - confidenceLevel) / 2;
        Percentile percentile = new Percentile();
        percentile.setData(differences);
        return Optional.of(new Estimate(difference, new ConfidenceInterval(percentile.evaluate(tail),
                percentile.evaluate(100 - tail), confidenceLevel)));
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double[] resample(double[] values, SplittableRandom random) {
        double[] drawn = new double[values.length];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = values[random.nextInt(values.length)];
        }
        return drawn;
    }
}
