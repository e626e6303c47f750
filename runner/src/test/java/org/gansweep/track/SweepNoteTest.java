package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SweepNoteTest {
    @Test
    void theDescriptionSaysWhatWasSweptTheCommandTheCountsAndTheShortKeys() {
        SweepInfo quickstart = new SweepInfo("quickstart", "abc123", "point", "Plain PointGAN against weight noise.",
                List.of("d_weight_decay", "weight_noise"), Map.of("d_weight_decay", 0.0, "weight_noise", 0.0),
                List.of("w", "b"), new TreeMap<>(Map.of("g0", 16, "g1", 16)), "cpu", "float", "0/1",
                "scripts/gansweep run sweeps/quickstart.json");
        assertEquals("""
                **quickstart**: a gansweep sweep of the `point` experiment, 2 groups x 16 seeds = 32 runs.

                Plain PointGAN against weight noise.

                Varying: `d_weight_decay`, `weight_noise`.

                Command: `scripts/gansweep run sweeps/quickstart.json`

                Runs: the sweep run `quickstart` holds the groups table (groups.json), report.html and the \
                charts; under it one run per group (success_rate, ci_low, ci_high, n, median steps to converge, \
                outcome counts, the difference from the reference group (vs_ref_* metrics, the verdict in the \
                vs_ref_verdict tag) when the sweep has one, and the seeds' median and quartiles over training); \
                under each group one run per seed (its trajectory, with trajectory.csv at full resolution). Run names show what differs from \
                the defaults (`dwd` = d_weight_decay, `wn` = weight_noise), and `s7` for seed 7; full values are \
                the params. Spec hash abc123.
                """, SweepNote.of(quickstart));
    }
}
