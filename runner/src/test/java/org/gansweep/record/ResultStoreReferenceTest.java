package org.gansweep.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.ReferenceGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep.json carries the planner's reference group to the report, which has only the results folder. */
class ResultStoreReferenceTest {
    private static final String SPEC = "{\"name\":\"s\",\"experiment\":\"point\",\"seeds\":[0]}";

    @TempDir
    Path dir;

    @Test
    void theReferenceGroupOrWhyThereIsNoneRoundTripsThroughSweepJson() {
        ResultStore store = ResultStore.open(dir, "s");
        ReferenceGroup chosen = ReferenceGroup.of(new GroupKey("0123456789abcdef"), "named by compare_to");
        store.writeSweep(SPEC, "hash", List.of(), List.of(), chosen);
        assertEquals(chosen, ResultStore.reference(store.readSweep().orElseThrow()));
        ReferenceGroup none = ReferenceGroup.none("nothing varies in this sweep, so there is nothing to compare");
        store.writeSweep(SPEC, "hash", List.of(), List.of(), none);
        assertEquals(none, ResultStore.reference(store.readSweep().orElseThrow()));
    }

    @Test
    void aSweepJsonWrittenBeforeReferencesSaysHowToGetOne() throws IOException {
        ResultStore store = ResultStore.open(dir, "s");
        store.writeSweep(SPEC, "hash", List.of(), List.of(), ReferenceGroup.none("unused"));
        Path file = dir.resolve("s").resolve("sweep.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"reference\" *: *\\{[^}]*},?", ""));
        assertEquals(ReferenceGroup.none("sweep.json names no reference group (written by an older gansweep; run the "
                + "sweep again to record one, which trains nothing already done)"),
                ResultStore.reference(store.readSweep().orElseThrow()));
    }
}
