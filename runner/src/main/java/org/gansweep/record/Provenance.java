package org.gansweep.record;

import org.gansweep.engine.BatchTiming;
import org.gansweep.engine.Numerics;

/**
 * How a run was produced, beside what it produced: code version, the backend and dtype that really ran,
 * the platform (libm and BLAS differences can change low bits), and the batch it shared with its timing.
 * Immutable.
 */
public record Provenance(String gansweepVersion, String gitCommit, String backend, String dtype, String device,
                         String java, String os, String arch, double batchWallSeconds, int runsInBatch) {

    /** The running process's provenance; the commit comes from the launcher (-Dgansweep.git.commit). */
    public static Provenance of(Numerics numerics, BatchTiming timing) {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return new Provenance(version == null ? "dev" : version,
                System.getProperty("gansweep.git.commit", "unknown"), numerics.backend(), numerics.dtype(),
                numerics.device(), System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), timing.wallSeconds(), timing.runsInBatch());
    }
}
