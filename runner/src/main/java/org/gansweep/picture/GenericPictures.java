package org.gansweep.picture;

import java.util.List;
import java.util.Map;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.ResolvedConfig;

/** Any experiment: no targets, bands of its first two logged quantities, no animation. */
final class GenericPictures implements ExperimentPictures {
    @Override
    public Map<String, Double> targets(ResolvedConfig config) {
        return Map.of();
    }

    @Override
    public List<String> bandColumns(Trajectory trajectory) {
        return trajectory.columns().subList(1, Math.min(3, trajectory.columns().size()));
    }
}
