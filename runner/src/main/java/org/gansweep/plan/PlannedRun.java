package org.gansweep.plan;

/**
 * One run of a sweep, fully determined before anything trains: experiment, resolved config and seed. A
 * run's results are a pure function of this value. Immutable.
 */
public record PlannedRun(RunKey key, GroupKey group, String experiment, ResolvedConfig config, long seed) {
    public PlannedRun {
        if (key == null || group == null || experiment == null || config == null) {
            throw new IllegalArgumentException("planned run fields must not be null");
        }
    }
}
