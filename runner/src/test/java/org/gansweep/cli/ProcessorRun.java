package org.gansweep.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansweep.engine.OpenBlasPin;

/**
 * A child JVM's work in {@link ProcessorIndependenceTest}: trains each given sweep in float and double
 * with one kernel, in one process (one JVM start per simulated processor, not one per sweep), and exits
 * non-zero if any run command failed. Usage: RESULTS KERNEL SWEEP...
 */
public final class ProcessorRun {
    private ProcessorRun() {
    }

    public static void main(String[] args) throws Exception {
        OpenBlasPin.apply();
        Path results = Path.of(args[0]);
        String kernel = args[1];
        PrintStream out = System.out;
        for (int i = 2; i < args.length; i++) {
            for (String dtype : new String[] {"float", "double"}) {
                Path folder = results.resolve(dtype);
                Files.createDirectories(folder);
                int code = Main.run(new String[] {"run", args[i], "--results", folder.toString(), "--kernel", kernel,
                    "--dtype", dtype, "--plots", "none"}, out, System.err);
                if (code != 0) {
                    System.exit(10 + code);
                }
            }
        }
        out.println("openblas=" + OpenBlasPin.coreType());
        System.exit(0);
    }
}
