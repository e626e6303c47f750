package org.gansweep.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.plan.GroupKey;
import org.gansweep.record.RunRecord;

/**
 * Which runs get their own pictures. {@code failed} (the default): in each group, the runs that did not
 * converge (at most {@link #FAILED_PER_GROUP}) and the first {@link #SAMPLE_PER_GROUP} runs as a sample of
 * what the group does; {@code all}: every run; {@code none}: none (the sweep charts are always drawn).
 */
public enum PlotSelection {
    FAILED, ALL, NONE;

    public static final int FAILED_PER_GROUP = 10;
    public static final int SAMPLE_PER_GROUP = 2;

    public static PlotSelection parse(String value) {
        for (PlotSelection s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--plots " + value + ": expected failed, all or none");
    }

    /** The chosen runs, in the given (plan) order. */
    public List<RunRecord> select(List<RunRecord> records) {
        if (this == NONE) {
            return List.of();
        }
        if (this == ALL) {
            return List.copyOf(records);
        }
        Map<GroupKey, int[]> counts = new LinkedHashMap<>();
        List<RunRecord> chosen = new ArrayList<>();
        for (RunRecord r : records) {
            int[] c = counts.computeIfAbsent(r.group(), g -> new int[2]); // [sampled, failed]
            if (c[0] < SAMPLE_PER_GROUP) {
                c[0]++;
                chosen.add(r);
            } else if (!r.success() && c[1] < FAILED_PER_GROUP) {
                c[1]++;
                chosen.add(r);
            }
        }
        return chosen;
    }
}
