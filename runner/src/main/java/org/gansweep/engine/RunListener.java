package org.gansweep.engine;

/**
 * Hooks the engine calls while training. Implementations must be fast and must not throw: slow work
 * (files, network) belongs on their own threads. {@link #NONE} does nothing.
 */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    /** Called from the training thread every so often with run-steps done so far in this batch. */
    default void onProgress(long runStepsDone, long runStepsTotal) {
    }

    /** Called once per run when its batch has finished. */
    default void onRunFinished(RunResult result, BatchTiming timing) {
    }
}
