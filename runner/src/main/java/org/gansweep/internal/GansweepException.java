package org.gansweep.internal;

/**
 * Root of every error gansweep reports to a user. Each stage has one subclass; only the CLI maps them
 * to exit codes. Messages are one line: location, the value found, and the rule it broke.
 */
public abstract class GansweepException extends RuntimeException {
    protected GansweepException(String message) {
        super(message);
    }

    protected GansweepException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the user can fix this by changing their input (exit 2), false for run-time failures (exit 1). */
    public abstract boolean isBadInput();
}
