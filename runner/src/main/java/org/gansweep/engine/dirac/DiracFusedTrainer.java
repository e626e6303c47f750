package org.gansweep.engine.dirac;

import java.util.List;
import org.gansweep.engine.LaneChunks;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The Java ("fused") kernel: the batch in independent chunks of runs on threads, each chunk a
 * {@link DiracLanes} trained by the same loop as the ND4J kernel. Plain Java arithmetic and
 * {@link org.gansweep.engine.LaneMath} only, so a run's trajectory is the same bits on every x86-64
 * processor, thread count, chunk size and batch.
 */
final class DiracFusedTrainer {
    private DiracFusedTrainer() {
    }

    static List<RunResult> train(List<PlannedRun> runs, Precision precision, int threads, int chunkSize,
                                 RunListener listener) {
        boolean single = precision == Precision.FLOAT;
        return LaneChunks.train(runs, threads, chunkSize,
                (chunk, chunkListener) -> DiracTraining.train(new DiracLanes(chunk, single), chunk, chunkListener),
                listener);
    }
}
