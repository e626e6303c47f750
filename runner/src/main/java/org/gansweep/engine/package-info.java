/**
 * Training: experiments as batched ND4J programs (one column per run), per-run random streams, the batch
 * trainer, backend selection, and the value records a run produces.
 */
package org.gansweep.engine;
