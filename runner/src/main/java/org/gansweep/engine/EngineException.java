package org.gansweep.engine;

import org.gansweep.internal.GansweepException;

/** A failure while training: a backend that cannot load, memory, a broken native library. Exit code 1. */
public final class EngineException extends GansweepException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isBadInput() {
        return false;
    }
}
