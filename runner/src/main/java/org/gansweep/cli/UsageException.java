package org.gansweep.cli;

import org.gansweep.internal.GansweepException;

/** A command-line option with a value it cannot take. Bad input (exit 2). */
final class UsageException extends GansweepException {
    UsageException(String message) {
        super(message);
    }

    @Override
    public boolean isBadInput() {
        return true;
    }
}
