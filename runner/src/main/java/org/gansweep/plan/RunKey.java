package org.gansweep.plan;

import java.util.regex.Pattern;

/**
 * A run's identity: a content hash of its experiment, fully resolved config and seed. The same run has the
 * same key in every sweep that contains it, which is what makes re-launches and larger sweeps skip work.
 */
public record RunKey(String value) implements Comparable<RunKey> {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{16}");

    public RunKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("run key should be 16 lowercase hex digits, got " + value);
        }
    }

    @Override
    public int compareTo(RunKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
