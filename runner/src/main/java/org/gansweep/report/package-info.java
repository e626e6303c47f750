/** Reports: groups across seeds, Wilson intervals, Kaplan-Meier medians, and the text/md/csv writers. */
package org.gansweep.report;
