package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures of real sweeps of each experiment with an animation: every image decodes with the expected
 * size, animations have the expected frame count, and every link of report.html resolves to a file.
 */
class PicturesTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"#][^\"]*)\"");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path sweep(String name, String experiment, String set, String grid, int seeds, String... options)
            throws IOException {
        Path spec = Files.writeString(dir.resolve(name + ".json"), "{\"name\":\"" + name + "\",\"experiment\":\""
                + experiment + "\",\"set\":" + set + ",\"grid\":" + grid + ",\"seeds\":{\"count\":" + seeds + "}}");
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--results", dir.resolve("results").toString(),
                "--kernel", "nd4j"));
        args.addAll(List.of(options));
        Result run = main(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return dir.resolve("results").resolve(name);
    }

    private static BufferedImage image(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " does not decode");
        return image;
    }

    private static void assertSize(Path file, int width, int height) throws IOException {
        BufferedImage image = image(file);
        assertEquals(width, image.getWidth(), file + " width");
        assertEquals(height, image.getHeight(), file + " height");
    }

    private static int frames(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            javax.imageio.metadata.IIOMetadataNode screen = (javax.imageio.metadata.IIOMetadataNode) ((javax.imageio
                    .metadata.IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0"))
                    .getElementsByTagName("LogicalScreenDescriptor").item(0);
            assertEquals("520", screen.getAttribute("logicalScreenWidth"));
            assertEquals("340", screen.getAttribute("logicalScreenHeight"));
            assertEquals(520, reader.getWidth(0));
            assertEquals(340, reader.getHeight(0));
            for (int i = 1; i < frames; i++) {
                // Later frames store only what changed: a rectangle inside the first.
                assertTrue(reader.getWidth(i) <= 520 && reader.getHeight(i) <= 340, gif + " frame " + i);
            }
            return frames;
        } finally {
            reader.dispose();
        }
    }

    /** Every relative link and image of the page points to a file in the sweep folder. */
    private static List<String> assertLinksResolve(Path sweep) throws IOException {
        String html = Files.readString(sweep.resolve("report.html"));
        Matcher m = LINK.matcher(html);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            String link = m.group(1);
            assertFalse(link.contains("://"), "no external link: " + link);
            assertTrue(Files.isRegularFile(sweep.resolve(link)), "report.html links to a missing file: " + link);
            links.add(link);
        }
        return links;
    }

    private static List<Path> runDirs(Path sweep) throws IOException {
        try (Stream<Path> dirs = Files.list(sweep.resolve("runs"))) {
            return dirs.sorted().toList();
        }
    }

    @Test
    void pointSweepDrawsEveryPictureAtItsSizeAndTheHtmlLinksResolve() throws IOException {
        // 100 steps logged every 10: 11 rows, so 11 animation frames; 13 logged quantities.
        Path sweep = sweep("pics", "point", "{\"steps\":100,\"log_every\":10}", "{\"easing\":[0.0,0.1]}", 3,
                "--plots", "all");
        assertSize(sweep.resolve("plots/success-rate.png"), 900, 90 + 30 * 2);
        assertSize(sweep.resolve("plots/steps-to-converge.png"), 900, 90 + 30 * 2 + 30);
        try (Stream<Path> bands = Files.list(sweep.resolve("plots"))) {
            List<Path> files = bands.filter(p -> p.getFileName().toString().startsWith("bands-")).toList();
            assertEquals(2, files.size());
            for (Path band : files) {
                assertSize(band, 800, 60 + 200 * 2); // w and b
            }
        }
        List<Path> runs = runDirs(sweep);
        assertEquals(6, runs.size());
        for (Path run : runs) {
            assertSize(run.resolve("trajectory.png"), 800, 60 + 110 * 13);
            assertEquals(11, frames(run.resolve("animation.gif")));
        }
        List<String> links = assertLinksResolve(sweep);
        for (Path run : runs) {
            String key = run.getFileName().toString();
            for (String file : List.of("trajectory.png", "animation.gif", "trajectory.csv", "summary.json",
                    "config.json")) {
                assertTrue(links.contains("runs/" + key + "/" + file), "report.html lacks " + key + "/" + file);
            }
        }
        assertTrue(links.containsAll(List.of("plots/success-rate.png", "plots/steps-to-converge.png", "sweep.json",
                "summary.csv", "groups.csv")), links.toString());
    }

    @Test
    void theDefaultDrawsTheFailedRunsAndASampleAndNoneDrawsNothing() throws IOException {
        // 3000 steps are needed to converge; at 30 steps every run fails, so "failed" draws 2 sampled + 1 failed.
        Path sweep = sweep("few", "point", "{\"steps\":30,\"log_every\":10}", "{\"easing\":[0.0]}", 5);
        long drawn = runDirs(sweep).stream().filter(r -> Files.exists(r.resolve("trajectory.png"))).count();
        assertEquals(5, drawn); // 2 as a sample, then the failed ones (all 3 others fail in 30 steps)
        assertLinksResolve(sweep);
        Path none = sweep("none", "point", "{\"steps\":30,\"log_every\":10}", "{\"easing\":[0.0]}", 2, "--plots",
                "none");
        assertFalse(Files.exists(none.resolve("report.html")));
        assertFalse(Files.exists(none.resolve("plots")));
        assertTrue(runDirs(none).stream().noneMatch(r -> Files.exists(r.resolve("trajectory.png"))));

        Result html = main("report", none.toString(), "--format", "html", "--plots", "none");
        assertEquals(0, html.code(), html.err());
        assertEquals(none.resolve("report.html") + "\n", html.out());
        assertTrue(Files.exists(none.resolve("plots/success-rate.png")));
        assertTrue(runDirs(none).stream().noneMatch(r -> Files.exists(r.resolve("trajectory.png"))));
        assertLinksResolve(none);
    }

    @Test
    void diracLinear2dAndGauss1dAnimateTheirPhasePortraitEllipsesAndDensities() throws IOException {
        // dirac: 40 steps logged every step gives 41 rows; at most 30 frames: rows 0, 2, ..., 38 and 40 = 21.
        Path dirac = sweep("dirac-pics", "dirac", "{\"steps\":40,\"log_every\":1}", "{\"loss\":[\"gan\"]}", 1,
                "--plots", "all", "--dtype", "double");
        Path run = runDirs(dirac).get(0);
        assertEquals(21, frames(run.resolve("animation.gif")));
        assertSize(run.resolve("trajectory.png"), 800, 60 + 110 * 3);
        assertLinksResolve(dirac);

        Path linear = sweep("linear-pics", "linear2d", "{\"epochs\":1,\"data_points\":80,\"log_every\":1}",
                "{\"lr_g\":[0.005]}", 1, "--plots", "all");
        Path one = runDirs(linear).get(0);
        // One epoch of 80 points in batches of 8: 10 steps, logged every step -> 11 rows, 11 frames.
        assertEquals(11, frames(one.resolve("animation.gif")));
        assertSize(one.resolve("trajectory.png"), 800, 60 + 110 * 11);
        assertLinksResolve(linear);

        Path gauss = sweep("gauss-pics", "gauss1d", "{\"epochs\":4,\"d_steps\":1,\"g_steps\":1,\"minibatch\":20,"
                + "\"log_every\":1,\"eval_samples\":200}", "{\"easing\":[0.0]}", 1, "--plots", "all");
        Path g = runDirs(gauss).get(0);
        // Measured at epochs 0..4: 5 rows, 5 frames of G's output histogram against the target density.
        assertEquals(5, frames(g.resolve("animation.gif")));
        assertSize(g.resolve("trajectory.png"), 800, 60 + 110 * 6);
        // histogram.csv: step, below, 80 bins named by their centres (N(4, 1.25^2) +- 8 std), above; each
        // row counts every one of the 200 eval draws once, at the trajectory's log steps.
        List<String> lines = Files.readAllLines(g.resolve("histogram.csv"));
        String[] header = lines.get(0).split(",");
        assertEquals(83, header.length);
        assertEquals(List.of("step", "below", "-5.875", "-5.625"), List.of(header).subList(0, 4));
        assertEquals(List.of("13.875", "above"), List.of(header).subList(81, 83));
        assertEquals(6, lines.size());
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",");
            assertEquals(Integer.toString(row - 1), cells[0]);
            long draws = 0;
            for (int c = 1; c < cells.length; c++) {
                draws += Long.parseLong(cells[c]);
            }
            assertEquals(200, draws, lines.get(row));
        }
        assertTrue(assertLinksResolve(gauss).contains("runs/" + g.getFileName() + "/histogram.csv"));
    }
}
