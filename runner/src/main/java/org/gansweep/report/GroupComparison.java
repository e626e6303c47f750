package org.gansweep.report;

import java.util.Optional;

/**
 * One group against the sweep's reference group. Differences are group minus reference. Immutable.
 *
 * @param difference         difference in success rate
 * @param differenceInterval Newcombe's hybrid score 95% interval of {@code difference}
 * @param pValue             Fisher's exact two-sided p-value of the two groups' success counts
 * @param adjustedPValue     {@code pValue} after Holm's adjustment across the sweep's compared groups
 * @param steps              difference in median steps to converge over converged runs, with its bootstrap
 *                           95% interval; empty when either group has no converged run
 */
public record GroupComparison(double difference, ConfidenceInterval differenceInterval, double pValue,
                              double adjustedPValue, Verdict verdict,
                              Optional<BootstrapMedianDifference.Estimate> steps) {
}
