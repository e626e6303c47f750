/**
 * gauss1d: Dev Nag's "GAN in 50 lines" learning N(4, 1.25^2) from U[0, 1) noise, in both published
 * variants (v2018: 4-moment features, SGD; v2017: raw batch plus squared deviations, Adam). D sees a whole
 * minibatch as ONE input and answers once per minibatch. Each layer of R runs is one batched matmul
 * ({@code [R, out, in] x [R, in, N]}), with the parameters kept as {@code [P, R]} matrices for the shared
 * per-run optimizers.
 */
package org.gansweep.engine.gauss1d;
