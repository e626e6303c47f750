package org.gansweep.picture;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;

/**
 * What one experiment family adds to the generic pictures: the value each logged quantity should reach,
 * which quantities the sweep's trajectory bands show, and a frame of its animation (the functions G and D
 * at one log step). Families without an animation draw the trajectory plot only.
 */
interface ExperimentPictures {
    /** Column name -> target value, drawn as a dashed line in the trajectory plot. */
    Map<String, Double> targets(ResolvedConfig config);

    /** Trajectory columns whose median and interquartile band per group the sweep shows. */
    List<String> bandColumns(Trajectory trajectory);

    /** The animation frame at trajectory row {@code row}; empty when this family has no animation. */
    default Optional<BufferedImage> frame(Trajectory trajectory, int row, ResolvedConfig config, int width,
                                          int height) {
        return Optional.empty();
    }

    /** The frame for a run that also wrote a histogram.csv (its rows at the trajectory's log steps). */
    default Optional<BufferedImage> frame(Trajectory trajectory, Optional<Trajectory> histogram, int row,
                                          ResolvedConfig config, int width, int height) {
        return frame(trajectory, row, config, width, height);
    }

    /**
     * The frame as an animation stores it, in palette colours: by default {@link #frame} mapped whole; a
     * family that composes its frames in palette colours draws them directly.
     */
    default Optional<PaletteImage> paletteFrame(Trajectory trajectory, Optional<Trajectory> histogram, int row,
                                                ResolvedConfig config, int width, int height) {
        return frame(trajectory, histogram, row, config, width, height).map(PaletteImage::of);
    }

    /** The family for an experiment, or the generic one. */
    static ExperimentPictures of(String experiment) {
        return switch (experiment) {
            case "point" -> new PointPictures();
            case "dirac" -> new DiracPictures();
            case "linear2d" -> new Linear2dPictures();
            case "gauss1d" -> new Gauss1dPictures();
            default -> new GenericPictures();
        };
    }
}
