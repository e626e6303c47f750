package org.gansweep.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gansweep.plan.Parameter;

/**
 * Values one parameter can take, derived from its schema entry alone, so a parameter added to a schema is
 * covered without a hand-written list: both flags, every choice, an integer's neighbours, and for a real the
 * given value plus two far from it inside the allowed range. The given value comes first; duplicates and
 * values the schema rejects are dropped. Whether a value keeps the batch shape is the caller's question.
 */
final class ParameterVariants {
    /**
     * How far a real with only a lower bound is moved each way: far enough that a tolerance admits every
     * measurement, a divergence bound stops every run, and a rate or scale visibly changes a few steps.
     */
    static final double SPREAD = 1e8;

    private ParameterVariants() {
    }

    static List<Object> of(Parameter parameter, Object given) {
        List<Object> raw = new ArrayList<>();
        raw.add(given);
        switch (parameter.kind()) {
            case FLAG -> raw.add(!(Boolean) given);
            case CHOICE -> raw.addAll(parameter.choices());
            case INTEGER -> {
                long value = (Long) given;
                raw.add(value + 1);
                raw.add(value - 1);
            }
            case REAL -> raw.addAll(reals(parameter, (Double) given));
            default -> throw new IllegalArgumentException(parameter.name() + ": unknown kind " + parameter.kind());
        }
        Set<Object> valid = new LinkedHashSet<>();
        for (Object value : raw) {
            parameter.normalize(value).ifPresent(valid::add);
        }
        return List.copyOf(valid);
    }

    private static List<Double> reals(Parameter parameter, double value) {
        double min = parameter.min();
        double max = parameter.max();
        if (Double.isFinite(max) && max - min <= 10) {
            // A fraction (momentum, betas, easing, hold_fraction): the upper end where it is allowed, else
            // halfway to it, and halfway to the lower end.
            return List.of(parameter.maxInclusive() ? max : (value + max) / 2, (min + value) / 2);
        }
        if (!Double.isFinite(max) && min >= 0) {
            // A rate, scale, weight, tolerance or bound: SPREAD times larger and smaller; a trick that is off
            // (0) is switched on mildly and strongly.
            return value > 0 ? List.of(value * SPREAD, value / SPREAD) : List.of(0.1, 1.0);
        }
        // A position or a mean: shifted by half its size (at least 0.5) each way.
        double step = Math.max(1, Math.abs(value)) / 2;
        return List.of(value + step, value - step);
    }
}
