package org.gansweep.engine.gauss1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * A seeded v2018 run (the source's networks, SGD momentum 0.9 at 1e-3, minibatch 500, 20 + 20 updates per
 * epoch) that converges, pinned in double: G's mean overshoots 4 (6.78 at epoch 200) and settles, and from
 * epoch 750 on every measurement is within 0.1 of mean 4 and std 1.25. Seed 2 of a 1000-epoch, 20-seed
 * sweep where 3 of 20 converged by then; run here to epoch 850, the last 10% of which must hold. The slowest
 * test of the family (about a minute on 2 cores: 34,000 updates of one run, each a few ND4J calls).
 */
class Gauss1dConvergenceTest {
    @Test
    void seedTwoOvershootsThenConvergesFromEpoch750() {
        RunResult run = new Gauss1dExperiment().train(List.of(ConfigRuns.of("gauss1d", 2,
                Map.of("epochs", 850L, "log_every", 50L, "eval_samples", 2000L))), Precision.DOUBLE,
                RunListener.NONE).get(0);
        assertEquals(Outcome.CONVERGED, run.outcome());
        assertEquals(OptionalLong.of(750), run.stepsToConverge());
        Trajectory t = run.trajectory();
        assertEquals(6.775235123083577, t.row(4)[t.column("mean")], 1e-8, "epoch " + t.row(4)[0]);
        assertEquals(3.909225082417299, run.finalMetrics().get("mean"), 1e-8);
        assertEquals(1.3431465563346072, run.finalMetrics().get("std"), 1e-8);
    }
}
