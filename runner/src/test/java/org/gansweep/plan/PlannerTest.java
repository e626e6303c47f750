package org.gansweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gansweep.spec.SpecReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    private static final ParameterSchema SCHEMA = new ParameterSchema("toy", List.of(
            Parameter.integer("steps", 1, 1000, "steps"), Parameter.positive("lr", "lr"),
            Parameter.real("easing", 0, true, 0.5, false, "easing"),
            Parameter.choice("optimizer", List.of("sgd", "adam"), "opt")));
    private static final Planner PLANNER = new Planner(Map.of("toy", SCHEMA));

    @TempDir
    Path dir;

    @BeforeEach
    void writeBase() throws IOException {
        Files.writeString(dir.resolve("base.json"), "{\"steps\": 10, \"lr\": 0.1, \"easing\": 0, \"optimizer\": \"sgd\"}");
    }

    private RunPlan plan(String body) throws IOException {
        Path spec = dir.resolve("s.json");
        Files.writeString(spec, "{\"name\":\"s\",\"experiment\":\"toy\",\"base\":\"base.json\"," + body + "}");
        return PLANNER.plan(SpecReader.read(spec), 1000);
    }

    @Test
    void expandsGridTimesZipTimesSeedsMinusExcludes() throws IOException {
        RunPlan plan = plan("\"grid\":{\"lr\":[0.1,0.2],\"easing\":[0,0.1]},\"seeds\":{\"count\":3},"
                + "\"exclude\":[{\"lr\":0.2,\"easing\":0}]");
        assertEquals(9, plan.runs().size());
        assertEquals(List.of("easing", "lr"), plan.varyingKeys());
        assertEquals(3, plan.groupCount());
        assertEquals(0.0, plan.runs().get(0).config().value("easing"));
    }

    @Test
    void keysDependOnlyOnResolvedConfigAndSeed() throws IOException {
        RunPlan a = plan("\"set\":{\"lr\":1},\"seeds\":[4]");
        RunPlan b = plan("\"grid\":{\"lr\":[1.0]},\"seeds\":{\"count\":1,\"start\":4}");
        RunPlan c = plan("\"set\":{\"lr\":1},\"seeds\":[5]");
        assertEquals(a.runs().get(0).key(), b.runs().get(0).key());
        assertNotEquals(a.runs().get(0).key(), c.runs().get(0).key());
        assertEquals(a.runs().get(0).group(), c.runs().get(0).group());
        // Pinned: a change to the key recipe would orphan every stored result.
        assertEquals("{\"easing\":0.0,\"lr\":1.0,\"optimizer\":\"sgd\",\"steps\":10}",
                RunKeys.canonical(a.runs().get(0).config()));
    }

    /**
     * A parameter added later keeps the runs written before it: at its old-behaviour value it stays out of
     * the keys, and a base config from before it may leave it out.
     */
    @Test
    void aParameterAddedLaterKeepsOldKeysAtItsOldValue() throws IOException {
        RunPlan before = plan("\"set\":{\"lr\":1},\"seeds\":[4]");
        ParameterSchema later = new ParameterSchema("toy", java.util.stream.Stream.concat(SCHEMA.parameters().stream(),
                java.util.stream.Stream.of(Parameter.choice("reduction", List.of("mean", "sum"), "reduction"))).toList(),
                List.of(), Map.of("reduction", "mean"));
        Planner planner = new Planner(Map.of("toy", later));
        Path spec = dir.resolve("later.json");
        Files.writeString(spec, "{\"name\":\"s\",\"experiment\":\"toy\",\"base\":\"base.json\","
                + "\"set\":{\"lr\":1},\"grid\":{\"reduction\":[\"mean\",\"sum\"]},\"seeds\":[4]}");
        RunPlan after = planner.plan(SpecReader.read(spec), 1000);
        assertEquals("mean", after.runs().get(0).config().value("reduction"));
        assertEquals(before.runs().get(0).key(), after.runs().get(0).key());
        assertEquals(before.runs().get(0).group(), after.runs().get(0).group());
        assertNotEquals(before.runs().get(0).key(), after.runs().get(1).key());
    }

    @Test
    void shardsAreDisjointAndCoverThePlan() throws IOException {
        RunPlan plan = plan("\"grid\":{\"lr\":[0.1,0.2,0.3]},\"seeds\":{\"count\":7}");
        Set<RunKey> union = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            for (PlannedRun run : plan.shard(new Shard(i, 4)).runs()) {
                assertTrue(union.add(run.key()), "run in two shards");
            }
        }
        assertEquals(plan.runs().size(), union.size());
    }

    @Test
    void theReferenceIsTheGroupAtTheBaseConfigsValuesOrTheOneCompareToNames() throws IOException {
        // base.json: lr 0.1, easing 0; "set" changes no default, it is not swept.
        RunPlan plan = plan("\"set\":{\"steps\":20},\"grid\":{\"lr\":[0.2,0.1],\"easing\":[0.1,0]},\"seeds\":[1]");
        PlannedRun atDefaults = plan.runs().stream().filter(r -> r.config().real("lr") == 0.1
                && r.config().real("easing") == 0).findFirst().orElseThrow();
        assertEquals(ReferenceGroup.of(atDefaults.group(), "every swept parameter at its default"), plan.reference());
        assertEquals(plan.reference(), plan.shard(new Shard(1, 4)).reference());

        RunPlan named = plan("\"grid\":{\"lr\":[0.2,0.3],\"easing\":[0.1,0]},\"seeds\":[1],"
                + "\"compare_to\":{\"lr\":0.3,\"easing\":0.1}");
        PlannedRun chosen = named.runs().stream().filter(r -> r.config().real("lr") == 0.3
                && r.config().real("easing") == 0.1).findFirst().orElseThrow();
        assertEquals(ReferenceGroup.of(chosen.group(), "named by compare_to"), named.reference());
    }

    @Test
    void withoutAGroupAtTheDefaultsThereIsNoReferenceAndTheNoteSaysWhy() throws IOException {
        assertEquals(ReferenceGroup.none("no group has every swept parameter at its default (lr=0.1); name the "
                + "reference with \"compare_to\" in the spec"),
                plan("\"grid\":{\"lr\":[0.2,0.3]},\"seeds\":[1]").reference());
        assertEquals(ReferenceGroup.none("nothing varies in this sweep, so there is nothing to compare"),
                plan("\"seeds\":[1]").reference());
    }

    @Test
    void compareToMustPickOutExactlyOneGroupBySweptParameters() throws IOException {
        String file = dir.resolve("s.json").toString();
        String grid = "\"grid\":{\"lr\":[0.2,0.3],\"easing\":[0.1,0]},\"seeds\":[1],";
        assertEquals(file + ": compare_to: lr=0.2 matches 2 groups; it should pick out one (add easing)",
                assertThrows(PlanException.class, () -> plan(grid + "\"compare_to\":{\"lr\":0.2}")).getMessage());
        assertEquals(file + ": compare_to: no group has lr=0.4 easing=0.1; it should name the values of one group of "
                + "the sweep", assertThrows(PlanException.class,
                () -> plan(grid + "\"compare_to\":{\"lr\":0.4,\"easing\":0.1}")).getMessage());
        assertEquals(file + ": compare_to.steps: not swept in this sweep; compare_to names swept parameters: easing, lr",
                assertThrows(PlanException.class, () -> plan(grid + "\"compare_to\":{\"steps\":10}")).getMessage());
        assertEquals(file + ": compare_to.lrr: unknown parameter for experiment toy; allowed: easing, lr, optimizer, "
                + "steps", assertThrows(PlanException.class, () -> plan(grid + "\"compare_to\":{\"lrr\":1}")).getMessage());
        assertEquals(file + ": compare_to.lr: expected a positive number, got -1", assertThrows(PlanException.class,
                () -> plan(grid + "\"compare_to\":{\"lr\":-1,\"easing\":0}")).getMessage());
        // 1 and 1.0 are one value for a real parameter, as everywhere in a spec.
        assertEquals("named by compare_to", plan("\"grid\":{\"lr\":[1,2]},\"seeds\":[1],\"compare_to\":{\"lr\":2.0}")
                .reference().note());
    }

    @Test
    void badValuesNameTheFilePathAndRule() throws IOException {
        String file = dir.resolve("s.json").toString();
        assertEquals(file + ": grid.lr[1]: expected a positive number, got \"fast\"",
                assertThrows(PlanException.class, () -> plan("\"grid\":{\"lr\":[0.1,\"fast\"]},\"seeds\":[1]")).getMessage());
        assertEquals(file + ": grid.lrr: unknown parameter for experiment toy; allowed: easing, lr, optimizer, steps",
                assertThrows(PlanException.class, () -> plan("\"grid\":{\"lrr\":[0.1]},\"seeds\":[1]")).getMessage());
        assertEquals(file + ": grid.lr: lr is already set at set.lr; a parameter may appear in only one of set, grid, zip",
                assertThrows(PlanException.class, () -> plan("\"set\":{\"lr\":1},\"grid\":{\"lr\":[0.1]},\"seeds\":[1]")).getMessage());
        assertEquals(file + ": expands to 3000 runs, more than the limit of 1000 (--max-runs)",
                assertThrows(PlanException.class, () -> plan("\"grid\":{\"lr\":[0.1,0.2,0.3]},\"seeds\":{\"count\":1000}")).getMessage());
        assertEquals("--shard 3/2: expected i/n with 0 <= i < n",
                assertThrows(PlanException.class, () -> Shard.parse("3/2")).getMessage());
    }

    @Test
    void baseConfigProblemsNameTheBaseFile() throws IOException {
        Path base = dir.resolve("base.json");
        Files.writeString(base, "{\"steps\": 10, \"lr\": 0.1, \"easing\": 0, \"optimizer\": \"sgd\", \"extra\": 1}");
        assertEquals(base + ": extra: unknown parameter for experiment toy; allowed: easing, lr, optimizer, steps",
                assertThrows(PlanException.class, () -> plan("\"seeds\":[1]")).getMessage());
        Files.writeString(base, "{\"steps\": 10, \"lr\": 0.1}");
        assertEquals(base + ": missing parameters easing, optimizer; a base config names every parameter with its default",
                assertThrows(PlanException.class, () -> plan("\"seeds\":[1]")).getMessage());
        Files.writeString(base, "{\"steps\": 10, \"lr\": -1, \"easing\": 0, \"optimizer\": \"sgd\"}");
        assertEquals(base + ": lr: expected a positive number, got -1",
                assertThrows(PlanException.class, () -> plan("\"seeds\":[1]")).getMessage());
    }

    @Test
    void unknownExperimentListsTheKnownOnes() throws IOException {
        Path spec = dir.resolve("u.json");
        Files.writeString(spec, "{\"name\":\"s\",\"experiment\":\"pointt\",\"seeds\":[1]}");
        assertEquals(spec + ": experiment: unknown experiment \"pointt\"; allowed: toy",
                assertThrows(PlanException.class, () -> PLANNER.plan(SpecReader.read(spec), 10)).getMessage());
    }
}
