package org.gansweep.plan;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every hyperparameter of one run with its final value (base, then "set", then the grid/zip point), keyed
 * by name and sorted. Values are Long (integer parameters), Double (real parameters), Boolean or String:
 * the planner normalizes them so that {@code 1} and {@code 1.0} for a real parameter give the same run.
 * Immutable.
 */
public record ResolvedConfig(SortedMap<String, Object> values) {
    public ResolvedConfig {
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String)) {
                throw new IllegalArgumentException(e.getKey() + " has unsupported value type " + v);
            }
            copy.put(e.getKey(), v);
        }
        values = Collections.unmodifiableSortedMap(copy);
    }

    public Object value(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("config has no parameter " + name);
        }
        return v;
    }

    public double real(String name) {
        Object v = value(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(name + " is not a number: " + v);
    }

    public long integer(String name) {
        Object v = value(name);
        if (v instanceof Long n) {
            return n;
        }
        throw new IllegalArgumentException(name + " is not an integer: " + v);
    }

    public boolean flag(String name) {
        Object v = value(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(name + " is not a boolean: " + v);
    }

    public String text(String name) {
        Object v = value(name);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(name + " is not a string: " + v);
    }
}
