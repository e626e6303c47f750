/**
 * gaussinit: an MLP generator 3 -> 5 tanh -> 5 tanh -> 2 initialized so that its output is already close to
 * N(MU, diag SIGMA^2) (the "gaussian" scheme, from the Jacobian of the hidden map at 0), against Xavier
 * initialization: how far each starts from the target, and how fast a GAN then gets there.
 */
package org.gansweep.engine.gaussinit;
