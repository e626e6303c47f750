package org.gansweep.report;

/** A two-sided interval for a proportion at a confidence level. Immutable. */
public record ConfidenceInterval(double lowerBound, double upperBound, double confidenceLevel) {
}
