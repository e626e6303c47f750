package org.gansweep.track;

/** The tag names gansweep sets; {@code gansweep.run_key} and friends are how a later sync finds its runs. */
final class Tags {
    static final String PARENT = "mlflow.parentRunId";
    static final String RUN_NAME = "mlflow.runName";
    static final String KIND = "gansweep.kind";
    static final String RUN_KEY = "gansweep.run_key";
    static final String GROUP_KEY = "gansweep.group_key";
    static final String SWEEP = "gansweep.sweep";
    static final String SPEC_HASH = "gansweep.spec_hash";
    /** Set last, after metrics and artifacts: a run without it was cut off mid-way and is logged again. */
    static final String LOGGED = "gansweep.logged";
    static final String COMPLETE = "complete";

    static final String KIND_SWEEP = "sweep";
    static final String KIND_RUN = "run";
    static final String KIND_GROUP = "group";

    private Tags() {
    }
}
