package org.gansweep.plan;

import org.gansweep.internal.GansweepException;

/**
 * A spec that parses but cannot become a plan: a parameter the experiment does not have, a value outside
 * what it allows, too many runs, a bad shard. Bad input (exit 2). Message: location, value, rule.
 */
public final class PlanException extends GansweepException {
    public PlanException(String message) {
        super(message);
    }

    @Override
    public boolean isBadInput() {
        return true;
    }
}
