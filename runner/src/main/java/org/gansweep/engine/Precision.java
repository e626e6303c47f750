package org.gansweep.engine;

import java.util.Locale;

/** The floating-point type the tensors use; part of what makes a trajectory bitwise reproducible. */
public enum Precision {
    FLOAT, DOUBLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
