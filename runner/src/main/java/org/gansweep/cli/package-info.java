/** The command line: plan, run, report, bench; the one place errors become exit codes. */
package org.gansweep.cli;
