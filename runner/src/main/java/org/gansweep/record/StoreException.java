package org.gansweep.record;

import org.gansweep.internal.GansweepException;

/**
 * The results store cannot be read or written: an unwritable directory, a full disk, a corrupt file.
 * Bad input (exit 2) when the user named the directory and it is unusable from the start; run-time
 * (exit 1) otherwise.
 */
public final class StoreException extends GansweepException {
    private final boolean badInput;

    public StoreException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.badInput = false;
    }

    @Override
    public boolean isBadInput() {
        return badInput;
    }
}
