package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's pictures are a function of its trajectory: the same bytes when drawn again, and when drawn on
 * several threads at once (sharing the point backdrop) the same bytes as drawn alone.
 */
class RunPicturesTest {
    private static final List<String> COLUMNS = List.of("step", "w", "b", "d_a0", "d_a1", "d_c0", "d_c1", "d_v0",
            "d_v1", "d_e", "loss_d");
    /** Point's pictures read nothing from the config. */
    private static final ResolvedConfig CONFIG = new ResolvedConfig(new TreeMap<>());

    @TempDir
    Path dir;

    @Test
    void picturesDrawnTwiceOrConcurrentlyHaveTheBytesOfOneDrawnAlone() throws Exception {
        List<Trajectory> runs = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            runs.add(trajectory(seed));
        }
        List<byte[]> alone = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            alone.add(draw(runs.get(i), "alone-" + i, new PointPictures()));
        }
        assertArrayEquals(alone.get(0), draw(runs.get(0), "again", new PointPictures()), "drawn again");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                // One family per round, as a sweep shares one: its first frames race to draw the backdrop.
                PointPictures family = new PointPictures();
                for (int i = 0; i < runs.size(); i++) {
                    int run = i;
                    String name = "together-" + round + "-" + i;
                    together.add(pool.submit(() -> draw(runs.get(run), name, family)));
                }
            }
            for (int k = 0; k < together.size(); k++) {
                assertArrayEquals(alone.get(k % runs.size()), together.get(k).get(), "run " + k % runs.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A point run's made-up trajectory: 41 log rows drifting from the seed's start towards the solution. */
    private static Trajectory trajectory(int seed) {
        Random random = new Random(seed);
        double[] start = new double[COLUMNS.size()];
        for (int c = 1; c < start.length; c++) {
            start[c] = random.nextGaussian() * 2;
        }
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r <= 40; r++) {
            double[] row = new double[COLUMNS.size()];
            row[0] = 25 * r;
            for (int c = 1; c < row.length; c++) {
                row[c] = start[c] * Math.exp(-r / 15.0) + 0.05 * random.nextGaussian();
            }
            rows.add(row);
        }
        return new Trajectory(COLUMNS, rows);
    }

    /** trajectory.png's bytes, then animation.gif's. */
    private byte[] draw(Trajectory trajectory, String name, PointPictures family) throws Exception {
        Path png = dir.resolve(name + ".png");
        Path gif = dir.resolve(name + ".gif");
        RunPictures.writeTrajectory(trajectory, family.targets(CONFIG), "point seed 1: converged", png);
        assertEquals(true, RunPictures.writeAnimation(family, trajectory, Optional.empty(), CONFIG, gif));
        return concat(Files.readAllBytes(png), Files.readAllBytes(gif));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
