package org.gansweep.record;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;

/**
 * The trajectories a store wrote in this process, as reading their files back gives them, so that the
 * pictures drawn right after a sweep do not parse the text just formatted (parsing was a fifth of drawing a
 * sweep's pictures). Holds at most {@code capacity} values, dropping the oldest runs first: a large sweep
 * reads its older runs from disk. Thread-safe.
 */
final class RecentTrajectories {
    private final long capacity;
    private long held;
    private final LinkedHashMap<RunKey, Trajectory> byRun = new LinkedHashMap<>();

    RecentTrajectories(long capacity) {
        this.capacity = capacity;
    }

    synchronized void put(RunKey key, Trajectory trajectory) {
        Trajectory previous = byRun.put(key, trajectory);
        if (previous != null) {
            held -= values(previous);
        }
        held += values(trajectory);
        var oldest = byRun.entrySet().iterator();
        while (held > capacity && oldest.hasNext()) {
            Map.Entry<RunKey, Trajectory> entry = oldest.next();
            held -= values(entry.getValue());
            oldest.remove();
        }
    }

    synchronized Optional<Trajectory> get(RunKey key) {
        return Optional.ofNullable(byRun.get(key));
    }

    private static long values(Trajectory trajectory) {
        return (long) trajectory.size() * trajectory.columns().size();
    }
}
