/**
 * Pictures of a sweep, drawn from the results store only (PNG and animated GIF, written by gansweep): per
 * run, the trajectory and an animation of the experiment's functions; per sweep, success rates with Wilson
 * bars, trajectory bands and steps-to-converge; and report.html, one static page linking them all. JFreeChart
 * draws the sweep charts and the still parts of animation frames; what is drawn per run or per group is
 * composed in one fixed palette ({@link org.gansweep.picture.PanelChart}, {@link org.gansweep.picture.PaletteCanvas}),
 * which costs a fraction of JFreeChart's layout and the JIT's compiling of it in a short-lived process.
 */
package org.gansweep.picture;
