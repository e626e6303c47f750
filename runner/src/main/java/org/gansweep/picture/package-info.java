/**
 * Pictures of a sweep, drawn from the results store only (JFreeChart, PNG and animated GIF): per run, the
 * trajectory and an animation of the experiment's functions; per sweep, success rates with Wilson bars,
 * trajectory bands and steps-to-converge; and report.html, one static page linking them all.
 */
package org.gansweep.picture;
