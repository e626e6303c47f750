package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.gansweep.engine.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's bands picture is a function of its seeds: its size per panel, and the same bytes when redrawn. */
class TrajectoryBandsTest {
    private static final List<String> COLUMNS = List.of("step", "w", "b");

    @TempDir
    Path dir;

    @Test
    void bandsDrawnTwiceHaveTheSameBytesAndTheirSizeIsPerPanel() throws Exception {
        List<Trajectory> seeds = new ArrayList<>();
        for (int seed = 0; seed < 7; seed++) {
            seeds.add(trajectory(seed));
        }
        Map<String, Double> targets = Map.of("w", 0.0, "b", 1.0);
        Path first = dir.resolve("first.png");
        Path second = dir.resolve("second.png");
        TrajectoryBands.write(seeds, List.of("w", "b"), targets, "group (7 seeds)", first);
        TrajectoryBands.write(seeds, List.of("w", "b"), targets, "group (7 seeds)", second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "same seeds, same bytes");
        BufferedImage image = ImageIO.read(first.toFile());
        assertEquals(TrajectoryBands.WIDTH, image.getWidth());
        assertEquals(60 + TrajectoryBands.PANEL_HEIGHT * 2, image.getHeight());
        // The interquartile band is drawn: its light blue, over white, is in the picture.
        byte band = Palette.nearest(153 << 16 | 204 << 8 | 255);
        PaletteImage drawn = TrajectoryBands.draw(seeds, List.of("w", "b"), targets, "group (7 seeds)");
        boolean found = false;
        for (byte index : drawn.indices()) {
            found |= index == band;
        }
        assertTrue(found, "no band colour in the picture");
    }

    /** A made-up run: 41 log rows drifting towards w = 0, b = 1; seed 3 diverges half way (NaN after). */
    private static Trajectory trajectory(int seed) {
        Random random = new Random(seed);
        double w = random.nextGaussian();
        double b = random.nextGaussian() * 2;
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r <= 40; r++) {
            double decay = Math.exp(-r / 12.0);
            boolean diverged = seed == 3 && r > 20;
            rows.add(new double[] {25 * r, diverged ? Double.NaN : w * decay + 0.02 * random.nextGaussian(),
                    diverged ? Double.NaN : 1 + (b - 1) * decay});
        }
        return new Trajectory(COLUMNS, rows);
    }
}
