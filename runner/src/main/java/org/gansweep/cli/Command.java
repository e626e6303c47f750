package org.gansweep.cli;

import java.io.PrintStream;

/** One subcommand: options parsed by JCommander into its fields, then called once. */
interface Command {
    int call(PrintStream out, PrintStream err);

    boolean help();
}
