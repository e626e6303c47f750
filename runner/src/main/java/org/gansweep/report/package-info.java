/**
 * Reports: groups across seeds, Wilson intervals, Kaplan-Meier medians, each group against a reference group
 * (Newcombe, Fisher, Holm, bootstrap), and the text/md/csv writers.
 */
package org.gansweep.report;
