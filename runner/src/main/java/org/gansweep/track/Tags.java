package org.gansweep.track;

/** The tag names gansweep sets; {@code gansweep.run_key} and friends are how a later sync finds its runs. */
final class Tags {
    static final String PARENT = "mlflow.parentRunId";
    static final String KIND = "gansweep.kind";
    static final String RUN_KEY = "gansweep.run_key";
    static final String GROUP_KEY = "gansweep.group_key";
    static final String SWEEP = "gansweep.sweep";
    static final String SPEC_HASH = "gansweep.spec_hash";
    /**
     * The completion mark of the first layout (set before the run was ended): such runs count as logged. Runs
     * logged now are complete exactly when their status is FINISHED, set in the request that ends them.
     */
    static final String LOGGED = "gansweep.logged";
    static final String COMPLETE = "complete";
    /** Final values of a seed run: tags, so the run page has no section of one-point charts. */
    static final String FINAL_PREFIX = "final.";

    static final String KIND_SWEEP = "sweep";
    static final String KIND_RUN = "run";
    static final String KIND_GROUP = "group";

    /** Experiment tags MLflow 3's UI reads: without the kind it opens an experiment in its GenAI mode. */
    static final String EXPERIMENT_KIND = "mlflow.experimentKind";
    static final String MODEL_TRAINING = "custom_model_development";
    static final String NOTE = "mlflow.note.content";
    /** Lists a run's table artifacts, as mlflow.log_table does, so the UI renders them as tables. */
    static final String LOGGED_ARTIFACTS = "mlflow.loggedArtifacts";

    private Tags() {
    }
}
