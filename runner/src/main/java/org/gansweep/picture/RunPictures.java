package org.gansweep.picture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;

/** One run's pictures: every logged quantity over training, and the animation of its functions. */
final class RunPictures {
    static final String TRAJECTORY_PNG = "trajectory.png";
    static final String ANIMATION_GIF = "animation.gif";
    static final int WIDTH = 800;
    static final int PANEL_HEIGHT = 110;
    static final int FRAME_WIDTH = 520;
    static final int FRAME_HEIGHT = 340;
    /** Frames per animation at most: every k-th log step, k chosen to stay under this. */
    static final int MAX_FRAMES = 30;
    static final int FRAME_DELAY_MS = 120;

    private RunPictures() {
    }

    /** Height of the trajectory plot: one panel per logged quantity. */
    static int trajectoryHeight(Trajectory trajectory) {
        return 60 + PANEL_HEIGHT * (trajectory.columns().size() - 1);
    }

    /** Each quantity in its own panel over a shared step axis; targets dashed; NaN points break the line. */
    static void writeTrajectory(Trajectory trajectory, Map<String, Double> targets, String title, Path file) {
        Charts.write(file, trajectoryPng(trajectory, targets, title));
    }

    static byte[] trajectoryPng(Trajectory trajectory, Map<String, Double> targets, String title) {
        double[] steps = values(trajectory, 0);
        List<PanelChart.Panel> panels = new ArrayList<>();
        for (int column = 1; column < trajectory.columns().size(); column++) {
            String name = trajectory.columns().get(column);
            panels.add(new PanelChart.Panel(name, steps, values(trajectory, column),
                    targets.getOrDefault(name, Double.NaN)));
        }
        return PngWriter.encode(PanelChart.draw(title, "step", panels, WIDTH, PANEL_HEIGHT));
    }

    private static double[] values(Trajectory trajectory, int column) {
        return trajectory.rows().stream().mapToDouble(row -> row[column]).toArray();
    }

    /** The log rows an animation shows: every k-th, the last always included. */
    static List<Integer> frameRows(int rows) {
        List<Integer> picked = new ArrayList<>();
        if (rows == 0) {
            return picked;
        }
        int stride = Math.max(1, (rows - 2) / (MAX_FRAMES - 1) + 1);
        for (int i = 0; i < rows; i += stride) {
            picked.add(i);
        }
        if (picked.get(picked.size() - 1) != rows - 1) {
            picked.add(rows - 1);
        }
        return picked;
    }

    /** Writes the animation if the family draws one; returns whether it did. */
    static boolean writeAnimation(ExperimentPictures family, Trajectory trajectory, Optional<Trajectory> histogram,
                                  ResolvedConfig config, Path file) {
        Optional<byte[]> gif = animation(family, trajectory, histogram, config);
        gif.ifPresent(bytes -> Charts.write(file, bytes));
        return gif.isPresent();
    }

    /** The animation's GIF, if the family draws one. */
    static Optional<byte[]> animation(ExperimentPictures family, Trajectory trajectory, Optional<Trajectory> histogram,
                                      ResolvedConfig config) {
        List<PaletteImage> frames = new ArrayList<>();
        for (int row : frameRows(trajectory.size())) {
            Optional<PaletteImage> frame = family.paletteFrame(trajectory, histogram, row, config, FRAME_WIDTH,
                    FRAME_HEIGHT);
            if (frame.isEmpty()) {
                return Optional.empty();
            }
            frames.add(frame.get());
        }
        return frames.isEmpty() ? Optional.empty() : Optional.of(GifWriter.encodeFrames(frames, FRAME_DELAY_MS));
    }
}
