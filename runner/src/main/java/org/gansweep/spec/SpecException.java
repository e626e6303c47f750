package org.gansweep.spec;

import org.gansweep.internal.GansweepException;

/**
 * A sweep spec or config file that cannot be used. The message reads
 * {@code <file>: <json path>: <what was found and what is allowed>}. Always bad input (exit 2).
 */
public final class SpecException extends GansweepException {
    public SpecException(String file, String jsonPath, String problem) {
        super(file + ": " + (jsonPath.isEmpty() ? "" : jsonPath + ": ") + problem);
    }

    @Override
    public boolean isBadInput() {
        return true;
    }
}
