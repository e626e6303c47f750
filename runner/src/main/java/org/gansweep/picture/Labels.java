package org.gansweep.picture;

import java.util.Locale;
import java.util.stream.Collectors;
import org.gansweep.report.GroupSummary;

/** How a group is named in pictures: by the values that vary in the sweep. */
final class Labels {
    private Labels() {
    }

    static String group(GroupSummary g) {
        if (g.parameters().isEmpty()) {
            return "all runs";
        }
        return g.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /**
     * {@code value} with {@code decimals} decimals, as {@code %.Nf} writes it but for halfway ties (rounded
     * from the binary value): a picture writes thousands of labels and titles, and Formatter's parsing and
     * exact decimal expansion cost more than the drawing around them.
     */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e12 || decimals > 9) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        long scaled = Math.round(Math.abs(value) * POWERS[decimals]);
        StringBuilder digits = new StringBuilder(Long.toString(scaled));
        while (digits.length() <= decimals) {
            digits.insert(0, '0');
        }
        if (decimals > 0) {
            digits.insert(digits.length() - decimals, '.');
        }
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            digits.insert(0, '-');
        }
        return digits.toString();
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
}
