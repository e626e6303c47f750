package org.gansweep.record;

/** Names of the fields in stored files, kept in one place so the on-disk format is stable. */
final class StoredKeys {
    static final String FORMAT = "format";
    static final String CONFIG_FORMAT = "gansweep.config/1";
    static final String SUMMARY_FORMAT = "gansweep.summary/1";
    static final String SWEEP_FORMAT = "gansweep.sweep/1";
    static final String RUN_KEY = "run_key";
    static final String GROUP_KEY = "group_key";
    static final String EXPERIMENT = "experiment";
    static final String SEED = "seed";
    static final String CONFIG = "config";
    static final String PROVENANCE = "provenance";
    static final String OUTCOME = "outcome";
    static final String SUCCESS = "success";
    static final String STEPS = "steps";
    static final String STEPS_TO_CONVERGE = "steps_to_converge";
    static final String DIVERGED_AT_STEP = "diverged_at_step";
    static final String FINAL = "final";
    static final String BACKEND = "backend";
    static final String DTYPE = "dtype";
    static final String DEVICE = "device";
    /** The only non-deterministic part of a run's files: everything else is equal after a resume. */
    static final String TIMING = "timing";
    static final String BATCH_WALL_SECONDS = "batch_wall_s";
    static final String RUNS_IN_BATCH = "runs_in_batch";
    static final String RUN_STEPS_PER_SECOND = "run_steps_per_s";

    private StoredKeys() {
    }
}
