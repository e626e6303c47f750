package org.gansweep.engine.linear2d;

import java.util.List;
import org.gansweep.engine.LaneChunks;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The fused kernel's entry: the batch splits into independent chunks of runs ({@link LaneChunks}), each
 * trained as a {@link Linear2dFusedBatch} of its own by the same loop as the ND4J kernel's. A run's lane
 * never reads another's, so chunk size and thread count change no bit of any run.
 */
final class Linear2dFusedTrainer {
    private Linear2dFusedTrainer() {
    }

    static List<RunResult> train(List<PlannedRun> runs, Precision precision, int threads, int chunkSize,
                                 RunListener listener) {
        return LaneChunks.train(runs, threads, chunkSize,
                (chunk, progress) -> Linear2dLoop.train(new Linear2dFusedBatch(chunk, precision), chunk, progress),
                listener);
    }
}
