package org.gansweep.track;

import org.gansweep.internal.GansweepException;

/**
 * MLflow cannot be used: a tracking URI the client cannot talk to (bad input, exit 2), or a server that
 * refused or did not answer (run-time, exit 1). Training results are never lost by this: they are in the
 * results store, and {@code gansweep sync} pushes them later.
 */
public final class TrackingException extends GansweepException {
    private final boolean badInput;

    public TrackingException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
        this.badInput = false;
    }

    @Override
    public boolean isBadInput() {
        return badInput;
    }
}
