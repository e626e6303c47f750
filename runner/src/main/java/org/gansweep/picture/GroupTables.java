package org.gansweep.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.record.StoreException;

/**
 * One group's runs whose tables read (trajectory, and histogram where the run wrote one), in the order given,
 * with their trajectories for the bands: read once for both. Runs whose tables do not read go to
 * {@code damaged} with what is wrong.
 */
record GroupTables(List<RunRecord> readable, List<Trajectory> trajectories) {
    static GroupTables read(ResultStore store, List<RunRecord> members, Map<RunKey, String> damaged) {
        List<RunRecord> readable = new ArrayList<>();
        List<Trajectory> trajectories = new ArrayList<>();
        for (RunRecord run : members) {
            try {
                Trajectory trajectory = store.readTrajectory(run.key());
                store.readHistogram(run.key()); // read to check it; the run tasks read it again
                trajectories.add(trajectory);
                readable.add(run);
            } catch (StoreException e) {
                damaged.put(run.key(), e.getMessage());
            }
        }
        return new GroupTables(List.copyOf(readable), List.copyOf(trajectories));
    }
}
