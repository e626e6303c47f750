package org.gansweep.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.picture.PlotSelection;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.RunKey;
import org.gansweep.record.RunRecord;

/**
 * {@link TrackedRuns#choose} made run by run as results come in, so that chosen runs go to MLflow while
 * training goes on rather than after it. Under a sample, whether a failed run is among the first ten failures
 * of its group depends on the runs planned before it; each group's runs are decided in plan order as soon as
 * all runs before them are known. A run never decided here (one before it trained elsewhere) is left to
 * {@link TrackedRuns#choose} at the end, whose choice this one equals. Thread-safe.
 */
final class ChosenAsTheyCome {
    private final TrackedRuns choice;
    private final Map<GroupKey, List<RunKey>> planOrder = new HashMap<>();
    private final Map<RunKey, GroupKey> groupOf = new HashMap<>();
    private final Map<RunKey, RunRecord> known = new HashMap<>();
    /** Per group: the place of the first undecided run, and the failures counted after the first two. */
    private final Map<GroupKey, int[]> progress = new HashMap<>();

    ChosenAsTheyCome(TrackedRuns choice, List<PlannedRun> plan) {
        this.choice = choice;
        for (PlannedRun run : plan) {
            planOrder.computeIfAbsent(run.group(), g -> new ArrayList<>()).add(run.key());
            groupOf.put(run.key(), run.group());
        }
    }

    /** Takes a finished run; returns the runs (it, and runs that waited on it) now known to be chosen. */
    synchronized List<RunRecord> add(RunRecord run) {
        switch (choice) {
            case ALL:
                return List.of(run);
            case NONE:
                return List.of();
            default:
                break;
        }
        GroupKey group = groupOf.get(run.key());
        if (group == null) {
            return List.of();
        }
        known.put(run.key(), run);
        List<RunKey> order = planOrder.get(group);
        int[] at = progress.computeIfAbsent(group, g -> new int[2]);
        List<RunRecord> chosen = new ArrayList<>();
        while (at[0] < order.size() && known.containsKey(order.get(at[0]))) {
            RunRecord next = known.remove(order.get(at[0]));
            if (at[0] < PlotSelection.SAMPLE_PER_GROUP) {
                chosen.add(next);
            } else if (!next.success() && at[1] < PlotSelection.FAILED_PER_GROUP) {
                at[1]++;
                chosen.add(next);
            }
            at[0]++;
        }
        return chosen;
    }
}
