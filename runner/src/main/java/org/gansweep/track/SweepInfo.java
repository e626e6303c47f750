package org.gansweep.track;

import java.util.List;

/**
 * What the parent run of a sweep shows: the sweep's identity and how this process ran it. {@code shard} is
 * "0/1" for a whole sweep; backend and dtype are what really ran ("" when nothing was trained here).
 */
public record SweepInfo(String name, String specHash, List<String> varyingKeys, int plannedRuns, String backend,
                        String dtype, String shard) {
    public SweepInfo {
        varyingKeys = List.copyOf(varyingKeys);
    }
}
