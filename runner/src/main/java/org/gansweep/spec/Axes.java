package org.gansweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Expands one axis of a sweep spec: a list, {"values"}, {"range": [from, to, step]} or {"logspace": [from, to, count]}. */
final class Axes {
    static final int MAX_VALUES = 100_000;
    private static final MathContext TWELVE_DIGITS = new MathContext(12);

    private Axes() {
    }

    /** A grid axis: its values must be distinct (a repeated value would only repeat runs). */
    static List<Object> expandDistinct(JsonNode axis, String path, String file) {
        List<Object> values = expand(axis, path, file);
        Set<Object> seen = new HashSet<>();
        for (Object value : values) {
            if (!seen.add(value)) {
                throw new SpecException(file, path, "value " + value + " appears twice");
            }
        }
        return values;
    }

    /** A zip list: values may repeat, since a zip group's i-th entries form one tuple. */
    static List<Object> expand(JsonNode axis, String path, String file) {
        List<Object> values;
        if (axis.isArray()) {
            values = scalars(axis, path, file);
        } else if (axis.isObject() && axis.size() == 1 && axis.has("values")) {
            values = scalars(axis.get("values"), path + ".values", file);
        } else if (axis.isObject() && axis.size() == 1 && axis.has("range")) {
            values = range(triple(axis.get("range"), path + ".range", file), path + ".range", file);
        } else if (axis.isObject() && axis.size() == 1 && axis.has("logspace")) {
            values = logspace(triple(axis.get("logspace"), path + ".logspace", file), path + ".logspace", file);
        } else {
            throw new SpecException(file, path, "expected a list of values or one of {\"values\": [...]}, "
                    + "{\"range\": [from, to, step]}, {\"logspace\": [from, to, count]}, got " + SpecText.show(axis));
        }
        return values;
    }

    static List<Object> scalars(JsonNode list, String path, String file) {
        if (!list.isArray() || list.isEmpty()) {
            throw new SpecException(file, path, "expected a non-empty list of values, got " + SpecText.show(list));
        }
        if (list.size() > MAX_VALUES) {
            throw new SpecException(file, path, "has " + list.size() + " values, more than " + MAX_VALUES);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            values.add(SpecText.scalar(list.get(i), path + "[" + i + "]", file));
        }
        return values;
    }

    private static double[] triple(JsonNode node, String path, String file) {
        if (!node.isArray() || node.size() != 3) {
            throw new SpecException(file, path, "expected [from, to, step-or-count], got " + SpecText.show(node));
        }
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!node.get(i).isNumber()) {
                throw new SpecException(file, path + "[" + i + "]", "expected a number, got " + SpecText.show(node.get(i)));
            }
            t[i] = node.get(i).doubleValue();
        }
        return t;
    }

    private static List<Object> range(double[] t, String path, String file) {
        double from = t[0];
        double to = t[1];
        double step = t[2];
        if (!(step > 0)) {
            throw new SpecException(file, path + "[2]", "step should be positive, got " + step);
        }
        if (to < from) {
            throw new SpecException(file, path, "to (" + to + ") should be >= from (" + from + ")");
        }
        double count = Math.floor((to - from) / step * (1 + 1e-9) + 1e-9) + 1;
        if (count > MAX_VALUES) {
            throw new SpecException(file, path, "gives " + (long) count + " values, more than " + MAX_VALUES);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < (int) count; i++) {
            values.add(round(from + i * step));
        }
        return values;
    }

    private static List<Object> logspace(double[] t, String path, String file) {
        double from = t[0];
        double to = t[1];
        if (!(from > 0) || !(to > 0)) {
            throw new SpecException(file, path, "from and to should be positive values (not exponents), got "
                    + from + ", " + to);
        }
        if (t[2] != Math.rint(t[2]) || t[2] < 2 || t[2] > MAX_VALUES) {
            throw new SpecException(file, path + "[2]", "count should be an integer from 2 to " + MAX_VALUES
                    + ", got " + t[2]);
        }
        int count = (int) t[2];
        List<Object> values = new ArrayList<>();
        double ratio = Math.log(to / from);
        for (int i = 0; i < count; i++) {
            values.add(round(from * Math.exp(ratio * i / (count - 1))));
        }
        return values;
    }

    /** Twelve significant digits, so 0.1 + 2 * 0.1 lands on 0.3 and never leaks float noise into run keys. */
    private static double round(double x) {
        return new BigDecimal(x).round(TWELVE_DIGITS).doubleValue();
    }
}
