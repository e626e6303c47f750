package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code report --format html} at random moments while it draws: every picture and page a kill
 * leaves is whole (or absent), and a re-run ends with a folder bitwise equal to an uninterrupted report's.
 * Each kill falls at a random moment after the launch drew its first picture, within half the drawing time of
 * an uninterrupted child report of the same folder; where each landed is read from file times, and at least
 * two must cut the drawing.
 */
class HtmlReportKillTest {
    private static final String SPEC = "{\"name\": \"drawn\", \"experiment\": \"point\", \"set\": {\"steps\": 300, "
            + "\"log_every\": 10}, \"zip\": [{\"weight_noise\": [0, 1.5], \"d_weight_decay\": [0, 0.001]}], "
            + "\"seeds\": {\"count\": 10}}";
    private static final int MIN_CUTS = 2;
    private static final int MAX_LAUNCHES = 10;

    @TempDir
    Path dir;

    @Test
    void anHtmlReportKilledWhileDrawingIsWholeAfterARerun() throws Exception {
        Path results = dir.resolve("results");
        Cli.Result trained = Cli.main("run", Files.writeString(dir.resolve("drawn.json"), SPEC).toString(), "--results",
                results.toString(), "--kernel", "nd4j", "--plots", "none");
        assertEquals(0, trained.code(), trained.err());
        Path reference = copy(results.resolve("drawn"), dir.resolve("reference"));
        Path killed = copy(results.resolve("drawn"), dir.resolve("killed"));

        // The uninterrupted report, timed: kills fall between its first picture and its end.
        FileTime before = marker();
        long start = System.nanoTime();
        ChildRun whole = ChildRun.start(dir.resolve("logs/reference.log"), report(reference));
        Kills.await(whole, () -> Kills.count(() -> drawnSince(reference, before)) > 0);
        long firstPicture = System.nanoTime() - start;
        assertEquals(0, whole.await(), whole.output());
        long end = System.nanoTime() - start;

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> journal = new ArrayList<>(List.of("seed " + seed + ", first picture at " + firstPicture / 1_000_000
                + " ms, end at " + end / 1_000_000 + " ms"));
        int cuts = 0;
        for (int launch = 0; launch < MAX_LAUNCHES && cuts < MIN_CUTS; launch++) {
            FileTime launchedAt = marker();
            ChildRun child = ChildRun.start(dir.resolve("logs/launch-" + launch + ".log"), report(killed));
            // Run pictures already drawn are kept, so each relaunch has less to draw: aim at its first half.
            while (child.process().isAlive() && drawnSince(killed, launchedAt) == 0) {
                Kills.pause(5_000_000);
            }
            Kills.pause((long) (random.nextDouble() * (end - firstPicture) / 2));
            int code = child.kill();
            assertTrue(code == 0 || code == 137, "exit " + code + ": " + child.output());
            assertEveryPictureAndPageIsWhole(killed);
            boolean drew = drawnSince(killed, launchedAt) > 0;
            Path page = killed.resolve("report.html");
            boolean paged = Files.exists(page) && Files.getLastModifiedTime(page).compareTo(launchedAt) > 0;
            boolean cut = code == 137 && drew && !paged;
            journal.add("launch " + launch + ": " + (code == 0 ? "finished first" : cut ? "cut while drawing"
                    : drew ? "killed after the page was written" : "killed before drawing"));
            cuts += cut ? 1 : 0;
        }
        String story = String.join("\n", journal);
        assertTrue(cuts >= MIN_CUTS, "fewer than " + MIN_CUTS + " kills landed while drawing:\n" + story);

        ChildRun last = ChildRun.start(dir.resolve("logs/final.log"), report(killed));
        assertEquals(0, last.await(), last.output());
        assertEquals(List.of(), SweepFolders.temporaries(killed));
        SweepFolders.assertSameFiles(reference, killed);
        System.out.println("HtmlReportKillTest: " + story);
    }

    private static String[] report(Path sweep) {
        return new String[] {"report", sweep.toString(), "--format", "html", "--plots", "all"};
    }

    /** A file written now, for the file system's clock: later writes have later times. */
    private FileTime marker() throws IOException {
        return Files.getLastModifiedTime(Files.writeString(dir.resolve("marker"), Long.toString(System.nanoTime())));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    /** Pictures (PNG, GIF) written after {@code since}. */
    private static int drawnSince(Path sweep, FileTime since) throws IOException {
        int count = 0;
        for (Path picture : pictures(sweep)) {
            if (Files.getLastModifiedTime(picture).compareTo(since) > 0) {
                count++;
            }
        }
        return count;
    }

    private static List<Path> pictures(Path sweep) throws IOException {
        try (Stream<Path> all = Files.walk(sweep)) {
            return all.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".png") || f.toString()
                    .endsWith(".gif")).toList();
        }
    }

    /** Each PNG ends with its IEND chunk, each GIF with its trailer byte, the page with its closing tag. */
    private static void assertEveryPictureAndPageIsWhole(Path sweep) throws IOException {
        byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
        for (Path picture : pictures(sweep)) {
            byte[] bytes = Files.readAllBytes(picture);
            boolean whole = picture.toString().endsWith(".png")
                    ? bytes.length > iend.length && Arrays.equals(iend, Arrays.copyOfRange(bytes, bytes.length
                    - iend.length, bytes.length))
                    : bytes.length > 6 && bytes[bytes.length - 1] == 0x3B;
            assertTrue(whole, picture + " was left half-written");
        }
        Path page = sweep.resolve("report.html");
        if (Files.exists(page)) {
            assertTrue(Files.readString(page, StandardCharsets.UTF_8).stripTrailing().endsWith("</html>"),
                    page + " was left half-written");
        }
    }
}
