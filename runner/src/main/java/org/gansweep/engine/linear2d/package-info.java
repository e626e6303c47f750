/** The d2l.ai GAN: a linear generator learns a 2-D Gaussian, with the loop closed against the true A and b. */
package org.gansweep.engine.linear2d;
