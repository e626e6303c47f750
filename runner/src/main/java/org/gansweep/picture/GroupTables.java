package org.gansweep.picture;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.record.StoreException;

/**
 * One group's runs whose tables read (trajectory, and histogram where the run wrote one), in the order given,
 * with their tables: read once for the bands, the check, and the selected runs' pictures. Runs whose tables
 * do not read go to {@code damaged} with what is wrong.
 */
record GroupTables(List<RunRecord> readable, List<Trajectory> trajectories, List<Optional<Trajectory>> histograms) {
    static GroupTables read(ResultStore store, List<RunRecord> members, Map<RunKey, String> damaged) {
        List<RunRecord> readable = new ArrayList<>();
        List<Trajectory> trajectories = new ArrayList<>();
        List<Optional<Trajectory>> histograms = new ArrayList<>();
        for (RunRecord run : members) {
            try {
                Trajectory trajectory = store.readTrajectory(run.key());
                histograms.add(store.readHistogram(run.key()));
                trajectories.add(trajectory);
                readable.add(run);
            } catch (StoreException e) {
                damaged.put(run.key(), e.getMessage());
            }
        }
        return new GroupTables(List.copyOf(readable), List.copyOf(trajectories), List.copyOf(histograms));
    }

    /** Where each of {@code chosen} (records of this group) sits among the readable runs. */
    List<Integer> indices(List<RunRecord> chosen) {
        Map<RunRecord, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < readable.size(); i++) {
            at.put(readable.get(i), i);
        }
        return chosen.stream().map(at::get).toList();
    }

    Trajectory trajectory(int index) {
        return trajectories.get(index);
    }

    Optional<Trajectory> histogram(int index) {
        return histograms.get(index);
    }
}
