package org.gansweep.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real gansweep process: a child JVM running cli.Main on this test's classpath, exactly what
 * {@code java -jar gansweep.jar} runs, so that it can be killed with SIGKILL and several can share a
 * results folder. Output goes to a log file (a full pipe would stall the child). It inherits this JVM's
 * environment, so OPENBLAS_CORETYPE (surefire pins it) gives it the in-process runs' OpenBLAS kernels.
 */
final class ChildRun {
    private final Process process;
    private final Path log;

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildRun start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classpath(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Main.class.getName()));
        command.addAll(List.of(args));
        if (args.length > 0 && args[0].equals("run") && !List.of(args).contains("--kernel")) {
            // These child JVMs run C1 only, for start-up speed, and without the Vector API module: the ND4J
            // kernel, the same one the in-process reference runs use, so files compare bitwise.
            command.addAll(List.of("--kernel", "nd4j"));
        }
        if (args.length > 0 && args[0].equals("run") && !List.of(args).contains("--plots")) {
            // These tests compare the results store; pictures are derived from it and drawn by PicturesTest.
            command.addAll(List.of("--plots", "none"));
        }
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildRun(process, log);
    }

    /** Surefire puts the real test classpath in java.class.path; check it reaches this module's classes. */
    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains("target" + File.separator + "classes")) {
            throw new IllegalStateException("test classpath without target/classes: " + classpath);
        }
        return classpath;
    }

    Process process() {
        return process;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL (destroyForcibly on Linux): no shutdown hooks, no finally blocks, no flush. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    int await() throws InterruptedException {
        return process.waitFor();
    }
}
