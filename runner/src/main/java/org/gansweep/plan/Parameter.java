package org.gansweep.plan;

import java.util.List;
import java.util.Optional;

/**
 * One hyperparameter an experiment accepts: its name, kind and the values allowed. The default value
 * lives in the experiment's base config file ({@code configs/<experiment>.json}), not here, so there is
 * one place to read and change defaults. Immutable.
 */
public record Parameter(String name, Kind kind, double min, boolean minInclusive, double max,
                        boolean maxInclusive, List<String> choices, String description) {

    /** The JSON kinds a parameter can take. */
    public enum Kind { REAL, INTEGER, FLAG, CHOICE }

    public Parameter {
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice parameter needs choices");
        }
    }

    public static Parameter real(String name, double min, boolean minInclusive, double max, boolean maxInclusive,
                                 String description) {
        return new Parameter(name, Kind.REAL, min, minInclusive, max, maxInclusive, List.of(), description);
    }

    public static Parameter nonNegative(String name, String description) {
        return real(name, 0, true, Double.POSITIVE_INFINITY, false, description);
    }

    public static Parameter positive(String name, String description) {
        return real(name, 0, false, Double.POSITIVE_INFINITY, false, description);
    }

    public static Parameter integer(String name, long min, long max, String description) {
        return new Parameter(name, Kind.INTEGER, min, true, max, true, List.of(), description);
    }

    public static Parameter flag(String name, String description) {
        return new Parameter(name, Kind.FLAG, 0, true, 0, true, List.of(), description);
    }

    public static Parameter choice(String name, List<String> choices, String description) {
        return new Parameter(name, Kind.CHOICE, 0, true, 0, true, choices, description);
    }

    /** What is allowed, in words, for error messages: "a number >= 0", "one of sgd, adam". */
    public String rule() {
        return switch (kind) {
            case FLAG -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case INTEGER -> "an integer from " + (long) min + " to " + (long) max;
            case REAL -> realRule();
        };
    }

    private String realRule() {
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (min == 0 && !minInclusive && !hasMax) {
            return "a positive number";
        }
        String low = "a number " + (minInclusive ? ">= " : "> ") + format(min);
        return hasMax ? low + " and " + (maxInclusive ? "<= " : "< ") + format(max) : low;
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * The canonical value for a JSON scalar (Long, Double, Boolean or String), or empty when it breaks the
     * rule. Integers given for a real parameter become Doubles; a real with no fraction is accepted for an
     * integer parameter (so {@code 2.0} and {@code 2} are the same run).
     */
    public Optional<Object> normalize(Object value) {
        switch (kind) {
            case FLAG:
                return value instanceof Boolean ? Optional.of(value) : Optional.empty();
            case CHOICE:
                return value instanceof String s && choices.contains(s) ? Optional.of(s) : Optional.empty();
            case INTEGER:
                if (!(value instanceof Number n) || value instanceof Double d && d != Math.rint(d)) {
                    return Optional.empty();
                }
                long asLong = n.longValue();
                return asLong >= min && asLong <= max ? Optional.of(asLong) : Optional.empty();
            case REAL:
            default:
                if (!(value instanceof Number n)) {
                    return Optional.empty();
                }
                double x = n.doubleValue();
                boolean aboveMin = minInclusive ? x >= min : x > min;
                boolean belowMax = maxInclusive ? x <= max : x < max;
                // -0.0 and 0.0 are one value, and must be one run key.
                return Double.isFinite(x) && aboveMin && belowMax ? Optional.of(x == 0 ? 0.0 : x) : Optional.empty();
        }
    }
}
