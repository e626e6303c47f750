/**
 * Mirrors the results store into an MLflow tracking server: one experiment per sweep, a parent run per
 * sweep, a child run per gansweep run and per group. The store stays the source of truth; everything here
 * can be redone from it ({@code gansweep sync}), and runs are matched by their {@code gansweep.run_key} tag
 * so that redoing never duplicates.
 */
package org.gansweep.track;
