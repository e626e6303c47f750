package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKeys;
import org.gansweep.record.Provenance;
import org.gansweep.record.RunRecord;
import org.junit.jupiter.api.Test;

/** Runs arriving in any order are chosen exactly as {@link TrackedRuns#choose} chooses from the plan. */
class ChosenAsTheyComeTest {
    private static final Provenance PROVENANCE = new Provenance("0.1.0", "fixed", "cpu", "float", "cpu", "17", "Linux",
            "amd64", 1.0, 10);
    private static final int GROUPS = 3;
    private static final int SEEDS = 40;

    private final List<PlannedRun> plan = new ArrayList<>();
    private final List<RunRecord> records = new ArrayList<>();

    ChosenAsTheyComeTest() {
        Random random = new Random(7);
        for (int g = 0; g < GROUPS; g++) {
            ResolvedConfig config = new ResolvedConfig(new TreeMap<>(Map.of("easing", 0.1 * g, "steps", 100L)));
            for (int s = 0; s < SEEDS; s++) {
                PlannedRun run = new PlannedRun(RunKeys.run("point", config, s), RunKeys.group("point", config), "point",
                        config, s);
                plan.add(run);
                // Two groups fail more than ten times after their first two runs, one fewer.
                Outcome outcome = random.nextDouble() < (g == 2 ? 0.1 : 0.6) ? Outcome.OSCILLATING : Outcome.CONVERGED;
                records.add(new RunRecord(run.key(), run.group(), "point", config, s, outcome, OptionalLong.empty(), 100,
                        OptionalLong.empty(), Map.of(), PROVENANCE));
            }
        }
    }

    @Test
    void aSampleMadeAsRunsArriveInAnyOrderIsTheSampleOfThePlan() {
        List<RunRecord> expected = TrackedRuns.SAMPLE.choose(records);
        assertTrue(expected.size() > GROUPS * 2 && expected.size() < records.size(), "a sample: " + expected.size());
        for (long seed = 0; seed < 20; seed++) {
            List<RunRecord> arrivals = new ArrayList<>(records);
            Collections.shuffle(arrivals, new Random(seed));
            ChosenAsTheyCome chooser = new ChosenAsTheyCome(TrackedRuns.SAMPLE, plan);
            List<RunRecord> chosen = new ArrayList<>();
            for (RunRecord run : arrivals) {
                chosen.addAll(chooser.add(run));
            }
            assertEquals(keys(expected), keys(chosen), "arrival order " + seed);
        }
    }

    @Test
    void runsThatNeverArriveHoldBackOnlyTheRunsAfterThemInTheirGroup() {
        ChosenAsTheyCome chooser = new ChosenAsTheyCome(TrackedRuns.SAMPLE, plan);
        RunRecord missing = records.get(SEEDS + 5); // the second group's sixth run trains elsewhere
        List<RunRecord> chosen = new ArrayList<>();
        for (RunRecord run : records) {
            if (run != missing) {
                chosen.addAll(chooser.add(run));
            }
        }
        List<RunRecord> expected = new ArrayList<>();
        for (RunRecord run : TrackedRuns.SAMPLE.choose(records)) {
            boolean heldBack = run.group().equals(missing.group()) && run.seed() >= missing.seed();
            if (!heldBack) {
                expected.add(run);
            }
        }
        assertEquals(keys(expected), keys(chosen));
    }

    @Test
    void allTakesEveryRunAtOnceAndNoneNothing() {
        ChosenAsTheyCome all = new ChosenAsTheyCome(TrackedRuns.ALL, plan);
        ChosenAsTheyCome none = new ChosenAsTheyCome(TrackedRuns.NONE, plan);
        for (RunRecord run : records) {
            assertEquals(List.of(run), all.add(run));
            assertEquals(List.of(), none.add(run));
        }
    }

    private static List<String> keys(List<RunRecord> runs) {
        return runs.stream().map(r -> r.key().value()).sorted().toList();
    }
}
