package org.gansweep.engine.gaussinit;

import java.util.List;
import org.gansweep.engine.LaneChunks;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The "fused" kernel: the batch split into independent chunks of runs ({@link LaneChunks}), each trained as
 * a {@link GaussinitLanes} batch by the same loop and tracker as the ND4J kernel. A run's lane never reads
 * another's, so chunk size and thread count change nothing in the results.
 */
final class GaussinitFusedTrainer {
    private GaussinitFusedTrainer() {
    }

    static List<RunResult> train(List<PlannedRun> runs, Precision precision, int threads, int chunkSize,
                                 RunListener listener) {
        return LaneChunks.train(runs, threads, chunkSize, (chunk, progress) -> {
            GaussinitLanes batch = new GaussinitLanes(chunk, precision);
            return GaussinitTraining.train(chunk, batch, batch.mu, batch.sigma, progress);
        }, listener);
    }
}
