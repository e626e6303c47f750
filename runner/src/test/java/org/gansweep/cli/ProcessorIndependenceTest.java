package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One answer per run on any processor: one small sweep per experiment (tricks on, float and double) is
 * trained in child JVMs that simulate other processors, and every file must be byte-identical within a
 * kernel. The Java kernels run under -XX:UseAVX=0 (SSE only), -XX:UseAVX=2 (AVX2, no AVX-512),
 * -XX:MaxVectorSize=16 (4 float lanes) and the default; the ND4J kernel under OPENBLAS_CORETYPE Prescott,
 * Sandybridge and Haswell (the environment OpenBLAS reads to pick its kernels, which gansweep overrides
 * with its pin). A last child lets the user's override through (GANSWEEP_OPENBLAS_CORETYPE) to show the
 * simulation is real: Sandybridge kernels do change the matmul families' bytes.
 */
class ProcessorIndependenceTest {
    private static final List<String> SWEEPS = List.of(
            "{\"name\":\"pi-point\",\"experiment\":\"point\",\"set\":{\"steps\":300,\"log_every\":20},"
                    + "\"zip\":[{\"weight_noise\":[0,1.5],\"noise_samples\":[1,2],\"easing\":[0,0.1],\"d_weight_decay\":[0,0.1]},"
                    + "{\"optimizer\":[\"sgd_momentum\",\"adam\",\"adamw\"],\"loss_reduction\":[\"mean\",\"sum\",\"mean\"],"
                    + "\"weight_noise_mode\":[\"per_copy\",\"per_sample\",\"per_sample\"]}],\"seeds\":{\"count\":2}}",
            "{\"name\":\"pi-dirac\",\"experiment\":\"dirac\",\"set\":{\"steps\":200,\"log_every\":10},"
                    + "\"grid\":{\"reg\":[\"none\",\"r1\",\"instance_noise\",\"consensus\"],\"update\":[\"simultaneous\","
                    + "\"alternating\"]},\"zip\":[{\"lr_d\":[0.2,0.1],\"theta0\":[1,0.5]}],\"seeds\":{\"count\":1}}",
            "{\"name\":\"pi-linear2d\",\"experiment\":\"linear2d\",\"set\":{\"epochs\":2,\"data_points\":200},"
                    + "\"zip\":[{\"weight_noise\":[0,0.5],\"noise_samples\":[1,2],\"r1_gamma\":[0,1],\"instance_noise\":[0,0.1]}],"
                    + "\"seeds\":{\"count\":2}}",
            "{\"name\":\"pi-gauss1d\",\"experiment\":\"gauss1d\",\"set\":{\"epochs\":40,\"log_every\":10,\"d_steps\":2,"
                    + "\"g_steps\":2,\"minibatch\":100,\"eval_samples\":1000,\"instance_noise\":0.1},"
                    + "\"zip\":[{\"variant\":[\"v2018\",\"v2017\"],\"optimizer\":[\"sgd_momentum\",\"adam\"],"
                    + "\"r1_gamma\":[0.5,0],\"weight_noise\":[0,0.05],\"noise_samples\":[1,2]}],\"seeds\":{\"count\":2}}",
            "{\"name\":\"pi-gaussinit\",\"experiment\":\"gaussinit\",\"set\":{\"steps\":100,\"log_every\":20,"
                    + "\"measure_samples\":2000,\"eval_samples\":500},\"grid\":{\"init\":[\"gaussian\",\"xavier\"]},"
                    + "\"zip\":[{\"r1_gamma\":[0,1],\"weight_noise\":[0.05,0],\"noise_samples\":[2,1]}],\"seeds\":{\"count\":2}}");

    @TempDir
    static Path dir;
    private static List<String> sweepFiles;

    @BeforeAll
    static void writeSweeps() throws IOException {
        sweepFiles = new ArrayList<>();
        for (String sweep : SWEEPS) {
            String name = sweep.substring(sweep.indexOf("pi-"), sweep.indexOf('"', sweep.indexOf("pi-")));
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, sweep);
            sweepFiles.add(file.toString());
        }
    }

    @Test
    void javaKernelsGiveTheSameBytesAtEveryVectorWidth() throws Exception {
        Path reference = train("java-default", "auto", List.of(), Map.of());
        for (String flag : List.of("-XX:UseAVX=0", "-XX:UseAVX=2", "-XX:MaxVectorSize=16")) {
            Path simulated = train("java" + flag.replace(':', '_').replace('=', '_'), "auto", List.of(flag), Map.of());
            assertSameSweeps(reference, simulated);
        }
    }

    @Test
    void nd4jKernelGivesTheSameBytesWhateverKernelFamilyOpenBlasWouldPick() throws Exception {
        Path reference = train("nd4j-Prescott", "nd4j", List.of(), Map.of("OPENBLAS_CORETYPE", "Prescott"));
        for (String family : List.of("Sandybridge", "Haswell")) {
            assertSameSweeps(reference, train("nd4j-" + family, "nd4j", List.of(), Map.of("OPENBLAS_CORETYPE", family)));
        }
        Path unpinned = train("nd4j-unpinned", "nd4j", List.of(), Map.of("GANSWEEP_OPENBLAS_CORETYPE", "Sandybridge"));
        assertFalse(sameFiles(reference.resolve("double/pi-gauss1d/runs"), unpinned.resolve("double/pi-gauss1d/runs")),
                "Sandybridge kernels left gauss1d's double files unchanged: the OpenBLAS simulation did nothing");
    }

    private static void assertSameSweeps(Path expected, Path actual) throws IOException {
        for (String dtype : List.of("float", "double")) {
            for (String sweep : List.of("pi-point", "pi-dirac", "pi-linear2d", "pi-gauss1d", "pi-gaussinit")) {
                SweepFolders.assertSameFiles(expected.resolve(dtype).resolve(sweep), actual.resolve(dtype).resolve(sweep));
            }
        }
    }

    private static boolean sameFiles(Path a, Path b) throws IOException {
        Map<String, byte[]> left = SweepFolders.files(a);
        Map<String, byte[]> right = SweepFolders.files(b);
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : left.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), right.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Trains every sweep in float and double in one child JVM with these flags and environment. */
    private static Path train(String name, String kernel, List<String> flags, Map<String, String> env)
            throws IOException, InterruptedException {
        Path results = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector,jdk.incubator.foreign", "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessorRun.class.getName(),
                results.toString(), kernel));
        command.addAll(sweepFiles);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("GANSWEEP_OPENBLAS_CORETYPE");
        builder.environment().putAll(env);
        int code = builder.start().waitFor();
        assertEquals(0, code, name + " failed:\n" + Files.readString(log));
        assertTrue(new File(results.resolve("double/pi-gauss1d/summary.csv").toString()).exists(), name);
        return results;
    }
}
