package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.gansweep.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html as a browser shows it: scripts/html-screenshot opens it in headless Chromium, and the
 * screenshot must be a real page (many colours, much ink), not a blank or an error page. Without a browser
 * the test is skipped, or fails under CI ({@link Services}; scripts/test installs chromium there).
 */
class HtmlScreenshotTest {
    @TempDir
    Path dir;

    private static boolean hasChromium() throws IOException, InterruptedException {
        for (String browser : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + browser).start();
            if (which.waitFor() == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theReportPageRendersInHeadlessChromium() throws Exception {
        Services.require(hasChromium(), "no chromium, chromium-browser or google-chrome on this machine (scripts/test "
                + "installs Debian's chromium as root)");
        Path spec = Files.writeString(dir.resolve("shot.json"), "{\"name\":\"shot\",\"experiment\":\"point\","
                + "\"set\":{\"steps\":200,\"log_every\":10},\"grid\":{\"easing\":[0.0,0.1]},\"seeds\":{\"count\":4}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--results", dir.resolve("results").toString(),
            "--kernel", "nd4j"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path page = dir.resolve("results/shot/report.html");
        Path shot = dir.resolve("shot.png");
        // Tests run in runner/; the script is the one users run to make docs/ screenshots.
        Process chromium = new ProcessBuilder(Path.of("../scripts/html-screenshot").toAbsolutePath().toString(),
                page.toString(), shot.toString(), "1000x1400").redirectErrorStream(true).start();
        assertTrue(chromium.waitFor(150, TimeUnit.SECONDS), "chromium did not finish");
        String log = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, chromium.exitValue(), log);

        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(1400, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                ink += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        // A blank page is one colour; the table, text and charts give hundreds, and cover a good part of it.
        assertTrue(colours.size() > 100, colours.size() + " colours");
        double inked = ink / (image.getWidth() / 2.0 * image.getHeight() / 2.0);
        assertTrue(inked > 0.05, "only " + inked + " of the page is not white");
    }
}
