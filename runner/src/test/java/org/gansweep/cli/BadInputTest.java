package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (resources org/gansweep/cli/badinput, listed with the expected message in cases.tsv):
 * malformed JSON, wrong types, unknown keys and parameters, empty axes, negative counts, expansions beyond
 * --max-runs, path escapes in names, broken base configs, unusable options and results folders. Each must
 * exit 2 with exactly the expected line, no stack trace, nothing on stdout, and nothing written anywhere.
 */
class BadInputTest {
    private static final Path CORPUS = corpus();
    /** What a user should never read in an error line: exception or error classes, packages, Java getters. */
    private static final java.util.regex.Pattern JAVA_NAMES = java.util.regex.Pattern.compile(
            "\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.|\\bcom\\.fasterxml|\\.get[A-Z]\\w*\\(\\)");

    @TempDir
    Path dir;

    private static Path corpus() {
        try {
            return Path.of(BadInputTest.class.getResource("badinput/cases.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            assertEquals(3, cells.length, "cases.tsv line needs file, arguments, message: " + line);
            cases.add(Arguments.of(cells[0], cells[1], cells[2]));
        }
        return cases.stream();
    }

    /** Every file under a folder with its size and modification time: what "nothing written" compares. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.toList()) {
                files.put(folder.relativize(f).toString(), Files.size(f) + " " + Files.getLastModifiedTime(f));
            }
        }
        return files;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void badInputExitsTwoWithTheExpectedLineAndWritesNothing(String file, String extra, String expected)
            throws IOException {
        Path results = dir.resolve("results");
        String cwd = Path.of("").toAbsolutePath().toString();
        List<String> args = new ArrayList<>(List.of("run", CORPUS.resolve(file).toString()));
        List<String> given = extra.equals("-") ? List.of()
                : Arrays.stream(extra.split(" ")).map(a -> a.replace("{dir}", CORPUS.toString())).toList();
        if (!given.contains("--results")) {
            args.addAll(List.of("--results", results.toString()));
        }
        args.addAll(given);
        Map<String, String> corpusBefore = snapshot(CORPUS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String line = expected.replace("{dir}", CORPUS.toString()).replace("{cwd}", cwd)
                .replace("{results}", results.toString());
        assertEquals(line + "\n", err.toString(StandardCharsets.UTF_8));
        assertFalse(JAVA_NAMES.matcher(line).find(), "a Java name in a user's error line: " + line);
        assertEquals(2, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(results), "nothing may be written");
        assertEquals(corpusBefore, snapshot(CORPUS), "nothing may be written beside the inputs");
    }

    @Test
    void theCorpusHasAtLeastFiftyCasesAndEveryFileInItIsUsed() throws IOException {
        List<String> used = cases().map(a -> (String) a.get()[0]).toList();
        assertTrue(used.size() >= 50, "cases: " + used.size());
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.equals("cases.tsv") || name.equals("not-a-folder.txt") || used.contains(name),
                        name + " is in the corpus but in no case");
            }
        }
    }
}
