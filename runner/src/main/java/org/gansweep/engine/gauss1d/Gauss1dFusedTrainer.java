package org.gansweep.engine.gauss1d;

import java.util.List;
import org.gansweep.engine.LaneChunks;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The Java kernel's driver: the batch is split into independent chunks of runs ({@link LaneChunks}), each
 * trained by {@link Gauss1dTraining} on a {@link Gauss1dLaneBatch} of its own on one of the threads. A run's
 * bits do not depend on its chunk, so neither does the result on the thread count or chunk size.
 */
final class Gauss1dFusedTrainer {
    private Gauss1dFusedTrainer() {
    }

    static List<RunResult> train(List<PlannedRun> runs, Precision precision, int threads, int chunkSize,
                                 RunListener listener) {
        return LaneChunks.train(runs, threads, chunkSize,
                (chunk, progress) -> Gauss1dTraining.train(new Gauss1dLaneBatch(chunk, precision), chunk, progress),
                listener);
    }
}
