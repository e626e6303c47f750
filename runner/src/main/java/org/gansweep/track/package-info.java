/**
 * Mirrors the results store into an MLflow tracking server: one model-training experiment per sweep, a sweep
 * run, a run per group under it and a run per seed under its group. The store stays the source of truth;
 * everything here can be redone from it ({@code gansweep sync}), and runs are matched by their
 * {@code gansweep.run_key} and {@code gansweep.group_key} tags so that redoing never duplicates. Requests are
 * plain HTTP with retries ({@link org.gansweep.track.MlflowHttp}), four per seed run.
 */
package org.gansweep.track;
