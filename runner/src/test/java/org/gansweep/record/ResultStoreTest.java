package org.gansweep.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    private static RunResult result(Outcome outcome) {
        return result(outcome, new double[] {0.1f, -3.0000002f, Float.MIN_VALUE});
    }

    /** w takes the three given values; a float run's values are floats, a double run's any doubles. */
    private static RunResult result(Outcome outcome, double[] w) {
        ResolvedConfig config = new ResolvedConfig(new TreeMap<>(Map.of("lr", 0.1, "steps", 20L, "opt", "sgd", "on", true)));
        PlannedRun run = new PlannedRun(RunKeys.run("toy", config, 7), RunKeys.group("toy", config), "toy", config, 7);
        Trajectory trajectory = new Trajectory(List.of("step", "w", "loss"), List.of(new double[] {0, w[0], Double.NaN},
                new double[] {10, w[1], 0.6931472f}, new double[] {20, w[2], Double.POSITIVE_INFINITY}));
        return new RunResult(run, outcome, outcome == Outcome.CONVERGED ? OptionalLong.of(12) : OptionalLong.empty(), 20,
                OptionalLong.empty(), Map.of("w", w[2], "loss", Double.NaN), trajectory);
    }

    private static final Provenance PROVENANCE = new Provenance("0.1.0", "abc123", "cpu-fused", "float", "cpu 2 cores",
            "17.0.15", "Linux", "amd64", 1.25, 32);

    @Test
    void aWrittenFloatRunReadsBackEqualToItsInMemoryRecordWithBitwiseTrajectory() {
        roundTrip(result(Outcome.CONVERGED), PROVENANCE);
    }

    @Test
    void aDoubleRunKeepsEveryBitOfArbitraryDoubles() {
        roundTrip(result(Outcome.OSCILLATING, new double[] {0.1, -3.0000001192092896, 1e-300}), new Provenance("0.1.0",
                "abc123", "cpu", "double", "cpu 2 cores", "17.0.15", "Linux", "amd64", 1.25, 32));
    }

    private void roundTrip(RunResult result, Provenance provenance) {
        ResultStore store = ResultStore.open(dir, "s");
        store.writeRun(result, provenance);
        RunRecord read = store.readRun(result.run().key());
        assertEquals(RunRecord.of(result, provenance).toString(), read.toString());
        // The writing store hands back what it wrote without reading it; another reads the file.
        for (ResultStore reader : List.of(store, ResultStore.open(dir, "s"))) {
            assertBitwiseEqual(result.trajectory(), reader.readTrajectory(result.run().key()));
        }
    }

    @Test
    void aFloatRunsTrajectoryHandedBackByItsWriterIsTheOneItsFileReadsAs() {
        // Values that are not floats, in a float run: the file holds them rounded, and so does what the
        // writing store hands back.
        RunResult result = result(Outcome.OSCILLATING, new double[] {0.1, 1.0 / 3, 1e-300});
        ResultStore store = ResultStore.open(dir, "s");
        store.writeRun(result, PROVENANCE);
        Trajectory fromFile = ResultStore.open(dir, "s").readTrajectory(result.run().key());
        assertEquals(0.1f, fromFile.rows().get(0)[1]);
        assertBitwiseEqual(fromFile, store.readTrajectory(result.run().key()));
    }

    private static void assertBitwiseEqual(Trajectory expected, Trajectory back) {
        assertEquals(expected.columns(), back.columns());
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            double[] want = expected.row(i);
            double[] actual = back.row(i);
            for (int c = 0; c < want.length; c++) {
                assertEquals(Double.doubleToRawLongBits(want[c]), Double.doubleToRawLongBits(actual[c]), "row " + i + " col " + c);
            }
        }
    }

    @Test
    void aRunWithoutSummaryIsNotCompleteAndOnlyOldLeftoverTempFilesAreRemovedOnOpen() throws IOException {
        ResultStore store = ResultStore.open(dir, "s");
        RunResult result = result(Outcome.OSCILLATING);
        store.writeRun(result, PROVENANCE);
        Path runDir = dir.resolve("s/runs").resolve(result.run().key().value());
        Files.delete(runDir.resolve("summary.json"));
        Path leftover = Files.writeString(runDir.resolve(".summary.json.99.1.tmp"), "{");
        Path fresh = Files.writeString(runDir.resolve(".config.json.98.1.tmp"), "{");
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        assertFalse(store.isComplete(result.run().key()));
        ResultStore.open(dir, "s");
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(fresh), "another shard may be writing it right now");
        assertTrue(store.completeKeys().isEmpty());
    }

    @Test
    void anUnwritableRootIsBadInputAndCreatesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        StoreException e = assertThrows(StoreException.class, () -> ResultStore.open(file.resolve("results"), "s"));
        assertTrue(e.isBadInput());
        assertTrue(e.getMessage().startsWith(file.resolve("results") + ": not writable"), e.getMessage());
    }

    @Test
    void summaryCsvIsPinned() {
        ResultStore store = ResultStore.open(dir, "s");
        RunResult result = result(Outcome.CONVERGED);
        store.writeRun(result, PROVENANCE);
        store.writeSummaryCsv(List.of(store.readRun(result.run().key())), List.of("lr"));
        assertArrayEquals(new String[] {"run_key,group_key,seed,lr,outcome,success,steps,steps_to_converge,final_loss,final_w",
                result.run().key() + "," + result.run().group() + ",7,0.1,converged,1,20,12,NaN,1.401298464324817E-45"},
                readLines(dir.resolve("s/summary.csv")));
    }

    private static String[] readLines(Path file) {
        try {
            return Files.readAllLines(file).toArray(String[]::new);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
