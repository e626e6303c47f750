/** The Dirac-GAN of Mescheder et al. 2018: closed-form vector fields of every loss, regularizer and update scheme. */
package org.gansweep.engine.dirac;
