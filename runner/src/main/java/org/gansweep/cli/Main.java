package org.gansweep.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import java.io.PrintStream;
import org.gansweep.engine.OpenBlasPin;
import org.gansweep.internal.GansweepException;
import org.gansweep.internal.Secrets;

/**
 * Entry point. The only place errors become exit codes: 0 ok, 1 run-time failure, 2 bad input or usage.
 * Bad input prints one line naming file, field and rule; no stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything can load ND4J's native libraries, which read the pin once.
        OpenBlasPin.apply();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command with every line it prints scrubbed of secrets ({@link Secrets}). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintStream safeOut = Secrets.scrubbing(out);
        PrintStream safeErr = Secrets.scrubbing(err);
        try {
            return runCommand(args, safeOut, safeErr);
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    private static int runCommand(String[] args, PrintStream out, PrintStream err) {
        PlanCommand plan = new PlanCommand();
        RunCommand run = new RunCommand();
        ReportCommand report = new ReportCommand();
        BenchCommand bench = new BenchCommand();
        SyncCommand sync = new SyncCommand();
        JCommander commander = JCommander.newBuilder().programName("gansweep")
                .addCommand("plan", plan).addCommand("run", run).addCommand("report", report)
                .addCommand("bench", bench).addCommand("sync", sync).build();
        try {
            commander.parse(args);
            String name = commander.getParsedCommand();
            if (name == null) {
                StringBuilder usage = new StringBuilder();
                commander.getUsageFormatter().usage(usage);
                err.print(usage);
                return BAD_INPUT;
            }
            Command command = (Command) commander.getCommands().get(name).getObjects().get(0);
            if (command.help()) {
                StringBuilder usage = new StringBuilder();
                commander.getUsageFormatter().usage(name, usage);
                out.print(usage);
                return OK;
            }
            return command.call(out, err);
        } catch (ParameterException e) {
            err.println("gansweep: " + e.getMessage() + " (see gansweep <command> --help)");
            return BAD_INPUT;
        } catch (GansweepException e) {
            err.println("gansweep: " + e.getMessage());
            return e.isBadInput() ? BAD_INPUT : FAILURE;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("gansweep: internal error: " + e);
            if (System.getenv("GANSWEEP_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return FAILURE;
        }
    }
}
