package org.gansweep.report;

/** A two-sided interval at a confidence level: of a proportion, a difference of proportions or of medians. Immutable. */
public record ConfidenceInterval(double lowerBound, double upperBound, double confidenceLevel) {
}
