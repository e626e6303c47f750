package org.gansweep.record;

/**
 * How a run was produced, beside what it produced: code version, the backend and dtype that really ran,
 * the platform (libm and BLAS differences can change low bits), and the batch it shared with its timing.
 * Immutable.
 */
public record Provenance(String gansweepVersion, String gitCommit, String backend, String dtype, String device,
                         String java, String os, String arch, double batchWallSeconds, int runsInBatch) {
}
