package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run file damaged after the fact never crashes gansweep: a trajectory cut mid-row makes its run incomplete,
 * so `run` trains it again to the same bytes; a trajectory with garbage inside is named in one line and left out
 * of the pictures, and the report still comes out.
 */
class DamagedRunTest {
    private static final String SPEC = "{\"name\":\"tiny\",\"experiment\":\"point\",\"set\":{\"steps\":20,\"log_every\":5},"
            + "\"seeds\":{\"count\":2}}";

    @TempDir
    Path dir;



    /** The runs' data files (pictures aside), with summary.json's timing blanked. */
    private static Map<String, String> runFiles(Path sweep) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(sweep.resolve("runs"))) {
            for (Path f : all.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".json")).toList()) {
                files.put(sweep.relativize(f).toString(),
                        Files.readString(f).replaceAll("(?s)\"timing\" : \\{.*?}", "timing"));
            }
        }
        return files;
    }

    private Path firstTrajectory(Path sweep) throws IOException {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            return runs.sorted().findFirst().orElseThrow().resolve("trajectory.csv");
        }
    }

    @Test
    void aTrajectoryCutMidRowIsTrainedAgainToTheSameBytes() throws IOException {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, SPEC);
        Path results = dir.resolve("results");
        String[] run = {"run", spec.toString(), "--results", results.toString(), "--plots", "none"};
        assertEquals(0, Cli.main(run).code());
        Path sweep = results.resolve("tiny");
        Map<String, String> before = runFiles(sweep);
        Path trajectory = firstTrajectory(sweep);
        String text = Files.readString(trajectory);
        Files.writeString(trajectory, text.substring(0, text.length() / 2 + 3)); // mid-row, no final newline

        Cli.Result report = Cli.main("report", sweep.toString(), "--format", "html");
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().isEmpty() || report.out().contains("report.html"), report.out());
        Cli.Result again = Cli.main(run);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("1 already done, 1 to train"), again.err());
        assertEquals(before, runFiles(sweep));
    }

    @Test
    void aTrajectoryWithGarbageInsideIsNamedInOneLineAndLeftOutOfThePictures() throws IOException {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, SPEC);
        Path results = dir.resolve("results");
        assertEquals(0, Cli.main("run", spec.toString(), "--results", results.toString(), "--plots", "none").code());
        Path sweep = results.resolve("tiny");
        Path trajectory = firstTrajectory(sweep);
        String[] lines = Files.readString(trajectory).split("\n");
        String header = lines[0];
        lines[2] = "oops" + lines[2].substring(lines[2].indexOf(','));
        Files.writeString(trajectory, String.join("\n", lines) + "\n");

        Cli.Result report = Cli.main("report", sweep.toString(), "--format", "html");
        String column = header.substring(0, header.indexOf(','));
        String key = trajectory.getParent().getFileName().toString();
        assertTrue(report.err().startsWith("pictures: skipped run " + key + ": " + trajectory + ": damaged (line 3, "
                + "column " + column + ": 'oops' is not a number); delete the run's folder and run the sweep again to "
                + "retrain it\n"), report.err());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.isRegularFile(sweep.resolve("report.html")));
        assertTrue(Files.isRegularFile(trajectory.resolveSibling("summary.json")), "the run itself is kept");
        Cli.Result table = Cli.main("report", sweep.toString());
        assertEquals(0, table.code(), table.err());
        assertFalse(report.err().contains("Exception"), report.err());
    }
}
