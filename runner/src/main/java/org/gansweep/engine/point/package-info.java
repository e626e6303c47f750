/** The single-point GAN (PointGAN): G(x) = w x + b against a 1-2-1 discriminator, with every trick. */
package org.gansweep.engine.point;
