package org.gansweep.engine;

/** How a run ended. The report counts each; only CONVERGED is a success. */
public enum Outcome {
    /** Met the experiment's success criterion and held it until the end. */
    CONVERGED,
    /** Finished with finite numbers but did not hold the criterion at the end. */
    OSCILLATING,
    /** Produced NaN/Inf or a parameter beyond the experiment's bound; frozen from that step on. */
    DIVERGED,
    /** The generator's output lost its spread (mode collapse); experiments that can tell report it. */
    COLLAPSED;

    /** The lowercase name used in files and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
