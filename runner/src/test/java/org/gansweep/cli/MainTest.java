package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit codes, one-line errors, nothing written on bad input, resume. */
class MainTest {
    private static final String SPEC = "{\"name\":\"tiny\",\"experiment\":\"point\",\"set\":{\"steps\":60,\"log_every\":20},"
            + "\"grid\":{\"easing\":[0.0,0.1]},\"seeds\":{\"count\":3}}";

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path spec(String text) throws IOException {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, text);
        return file;
    }

    /** Every file of a sweep folder, with summary.json's timing (the only volatile part) blanked. */
    private static Map<String, String> files(Path sweep) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(sweep)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                files.put(sweep.relativize(f).toString(), text.replaceAll("(?s)\"timing\" : \\{.*?}", "timing"));
            }
        }
        return files;
    }

    @Test
    void runTrainsReportsAndAResumeAfterALostRunRecreatesIdenticalFiles() throws IOException {
        Path results = dir.resolve("results");
        String specFile = spec(SPEC).toString();
        Result first = main("run", specFile, "--results", results.toString(), "--plots", "none");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("6 of 6 runs complete, 2 groups"), first.out());
        assertTrue(first.out().contains("Reference: easing=0.0 (every swept parameter at its default)."), first.out());
        Path sweep = results.resolve("tiny");
        Map<String, String> before = files(sweep);
        assertEquals(6 * 3 + 4, before.size()); // runs x 3, sweep.json, summary.csv, groups.csv, .report.lock

        // A sweep killed mid-run: one run never got its summary, another has only a stray temp file.
        Path victim;
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            victim = runs.sorted().findFirst().orElseThrow();
        }
        Files.delete(victim.resolve("summary.json"));
        Path stray = Files.writeString(victim.resolve(".summary.json.123@crashed-host.1.tmp"), "{half");
        Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Result again = main("run", specFile, "--results", results.toString(), "--plots", "none");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("5 already done, 1 to train"), again.err());
        assertEquals(before, files(sweep));
    }

    @Test
    void theReportComparesEveryGroupWithTheOneCompareToNames() throws IOException {
        Path results = dir.resolve("results");
        String named = SPEC.replace("\"seeds\"", "\"compare_to\":{\"easing\":0.1},\"seeds\"");
        Result run = main("run", spec(named).toString(), "--results", results.toString(), "--plots", "none");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(1).startsWith("Reference: easing=0.1 (named by compare_to). "), run.out());
        assertEquals(List.of("vs_ref", "vs_ref95", "p_holm", "verdict", "steps_vs_ref", "steps_vs_ref95"),
                lastCells(lines.get(2), 6));
        // 60 steps are too few to converge: 0 of 3 against 0 of 3, so Newcombe's interval is the Wilson upper
        // bound of 0/3 (3.8415 / 6.8415 = 0.5615) either way, Fisher's p is 1, and no steps compare.
        assertEquals(List.of("+0.000", "[-0.561,", "+0.561]", "1.00", "no", "evidence", "-", "-"),
                lastCells(lines.get(3), 8));
        assertTrue(lines.get(4).strip().startsWith("0.1 ") && lines.get(4).contains(" reference "), run.out());
        Result csv = main("report", results.resolve("tiny").toString(), "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(Files.readString(results.resolve("tiny").resolve("groups.csv")).contains(",reference,"));
    }

    private static List<String> lastCells(String line, int count) {
        List<String> cells = List.of(line.strip().split(" +"));
        return cells.subList(cells.size() - count, cells.size());
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path results = dir.resolve("results");
        Result missing = main("run", dir.resolve("nope.json").toString(), "--results", results.toString());
        assertEquals(2, missing.code());
        assertEquals("gansweep: " + dir.resolve("nope.json") + ": cannot read: no such file\n", missing.err());

        Result unknown = main("plan", spec(SPEC.replace("\"point\"", "\"pointt\"")).toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("gansweep: " + dir.resolve("spec.json") + ": experiment: unknown experiment"));

        Result badValue = main("run", spec(SPEC.replace("[0.0,0.1]", "[0.0,0.7]")).toString(), "--results", results.toString());
        assertEquals(2, badValue.code());
        assertTrue(badValue.err().contains("grid.easing[1]: expected a number >= 0 and < 0.5, got 0.7"), badValue.err());
        assertFalse(Files.exists(results), "nothing may be written for a bad spec");

        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Result unwritable = main("run", spec(SPEC).toString(), "--results", file.resolve("results").toString());
        assertEquals(2, unwritable.code());
        assertTrue(unwritable.err().contains("not writable"), unwritable.err());
        assertEquals(1, unwritable.err().lines().count());
    }

    @Test
    void askingForCudaWithoutItFailsWithTheReasonAndWritesNothing() throws IOException {
        Result cuda = main("run", spec(SPEC).toString(), "--results", dir.resolve("r").toString(), "--backend", "cuda");
        assertEquals(1, cuda.code());
        assertEquals("gansweep: --backend cuda: this build has no CUDA backend; rebuild with 'mvn -Pcuda package' "
                + "(see README, 'GPUs')\n", cuda.err());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void reportWritesMarkdownAndCsvIntoTheSweepFolder() throws IOException {
        Path results = dir.resolve("results");
        assertEquals(0, main("run", spec(SPEC).toString(), "--results", results.toString(), "--kernel", "nd4j").code());
        Path sweep = results.resolve("tiny");
        Result md = main("report", sweep.toString(), "--format", "md");
        assertEquals(0, md.code(), md.err());
        assertEquals(sweep.resolve("report.md") + "\n", md.out());
        assertTrue(Files.readString(sweep.resolve("report.md")).contains("| easing | n | ok | rate |"));
        Result csv = main("report", sweep.toString(), "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertEquals(3, Files.readAllLines(sweep.resolve("groups.csv")).size(), "header and two groups");
        assertTrue(Files.readString(sweep.resolve("runs").resolve(Files.list(sweep.resolve("runs")).findFirst()
                .orElseThrow().getFileName()).resolve("summary.json")).contains("\"backend\" : \"cpu\""));
        Result bad = main("report", sweep.toString(), "--format", "pdf");
        assertEquals(2, bad.code());
        assertEquals("gansweep: --format pdf: expected one of text, md, csv, html\n", bad.err());
    }

    @Test
    void planJsonListsEveryRunWithItsKeyAndVaryingParameters() throws IOException {
        Result plan = main("plan", spec(SPEC).toString(), "--json", "--shard", "1/2");
        assertEquals(0, plan.code(), plan.err());
        com.fasterxml.jackson.databind.JsonNode json = org.gansweep.internal.Json.mapper().readTree(plan.out());
        assertEquals("1/2", json.get("shard").asText());
        assertEquals(3, json.get("runs").size());
        assertEquals(0.0, json.get("runs").get(0).get("params").get("easing").asDouble());
        assertEquals(16, json.get("runs").get(0).get("key").asText().length());
    }

    @Test
    void benchPrintsBatchedAgainstOneAtATimeWithRatios() {
        Result bench = main("bench", "--runs", "1,32", "--steps", "20");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("nd4j batched"), bench.out());
        List<String> rows = bench.out().lines().filter(l -> l.matches("\\s+(1|32)\\s+.*")).toList();
        assertEquals(2, rows.size(), bench.out());
        for (String row : rows) {
            assertEquals(9, row.trim().split("\\s+").length, row);
        }
        assertEquals(2, main("bench", "--runs", "0").code());
    }

    @Test
    void benchMeasuresTheJavaKernelOfEveryExperimentInBothDtypes() {
        for (String experiment : List.of("dirac", "linear2d", "gauss1d", "gaussinit")) {
            for (String dtype : List.of("float", "double")) {
                Result bench = main("bench", "--experiment", experiment, "--dtype", dtype, "--runs", "2",
                        "--steps", experiment.endsWith("2d") || experiment.equals("gauss1d") ? "1" : "10");
                assertEquals(0, bench.code(), bench.err());
                String row = bench.out().lines().filter(l -> l.matches("\\s+2\\s+.*")).findFirst().orElseThrow();
                String[] cells = row.trim().split("\\s+");
                assertEquals(9, cells.length, row);
                // The Java kernel's three rates are measured (positive) and its two ratios exist; their sizes are
                // timings on a noisy machine (a cold thread pool can print 0.0), so they are not asserted.
                for (int column : new int[] {3, 4, 5}) {
                    assertTrue(Double.parseDouble(cells[column]) > 0,
                            experiment + " " + dtype + " has no Java kernel rate in column " + column + ": " + row);
                }
                for (int column : new int[] {7, 8}) {
                    assertFalse(Double.isNaN(Double.parseDouble(cells[column])),
                            experiment + " " + dtype + " has no Java kernel ratio in column " + column + ": " + row);
                }
            }
        }
    }

    @Test
    void planWritesNothingAndCountsRuns() throws IOException {
        Result plan = main("plan", spec(SPEC).toString(), "--results", dir.resolve("r").toString());
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("6 runs = 2 groups x 3 seeds"), plan.out());
        assertTrue(plan.out().contains("\nreference group: easing=0.0 (every swept parameter at its default)\n"),
                plan.out());
        assertFalse(Files.exists(dir.resolve("r")));
    }
}
