/**
 * gauss1d: Dev Nag's "GAN in 50 lines" learning N(4, 1.25^2) from U[0, 1) noise, in both published
 * variants (v2018: 4-moment features, SGD; v2017: raw batch plus squared deviations, Adam). D sees a whole
 * minibatch as ONE input and answers once per minibatch. Two kernels train the same model through one loop
 * ({@link org.gansweep.engine.gauss1d.Gauss1dTraining}): the ND4J one ({@code Gauss1dBatch}, each layer of R
 * runs one batched matmul {@code [R, out, in] x [R, in, N]}) and the Java one ({@code Gauss1dLaneBatch}, on
 * lane arrays with the runs innermost, processor-independent bits), both with the parameters as
 * {@code [P, R]} matrices for the shared per-run optimizers.
 */
package org.gansweep.engine.gauss1d;
