package org.gansweep.report;

/** What a group's comparison with the reference says about its success rate, after Holm's adjustment. */
public enum Verdict {
    BETTER("better"), WORSE("worse"), NO_EVIDENCE("no evidence");

    /** Below this Holm-adjusted p the difference counts as more than seed noise. */
    static final double ALPHA = 0.05;

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Verdict of(double difference, double adjustedPValue) {
        if (adjustedPValue >= ALPHA) {
            return NO_EVIDENCE;
        }
        return difference > 0 ? BETTER : WORSE;
    }
}
