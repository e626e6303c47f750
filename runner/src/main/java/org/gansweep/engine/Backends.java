package org.gansweep.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J on the backend the user asked for and reports what really runs. ND4J silently falls back to
 * CPU when both backends are present and CUDA cannot load; here that is an error when CUDA was asked for,
 * never a quiet substitution.
 */
public final class Backends {
    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    /** nd4j-cuda-11.6 1.0.0-M2.1 ships cubins up to sm_86 and no PTX, so sm_90 and newer cannot run it. */
    private static final int NEWEST_SUPPORTED_MAJOR = 8;

    private Backends() {
    }

    /** The backend choices of --backend. */
    public static final List<String> CHOICES = List.of("auto", "cpu", "cuda");

    public static Numerics start(String requested, Precision precision, int threads) {
        if (requested.equals("cuda") && !onClasspath(CUDA_BACKEND_CLASS)) {
            throw new EngineException("--backend cuda: this build has no CUDA backend; rebuild with "
                    + "'mvn -Pcuda package' (see README, 'GPUs')");
        }
        String backend;
        try {
            backend = Nd4j.getBackend().getClass().getName().contains("jcublas") ? "cuda" : "cpu";
        } catch (RuntimeException | LinkageError e) {
            throw new EngineException("ND4J backend failed to start: " + e.getMessage(), e);
        }
        if (requested.equals("cuda") && !backend.equals("cuda")) {
            throw new EngineException("--backend cuda: the CUDA backend did not load (no usable GPU or driver); "
                    + "ND4J would fall back to CPU. Use --backend cpu or auto");
        }
        if (requested.equals("cpu") && !backend.equals("cpu")) {
            throw new EngineException("--backend cpu: this build loaded the CUDA backend; set "
                    + "BACKEND_PRIORITY_CPU=100 or use the default (CPU) build");
        }
        DataType dataType = precision == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        Nd4j.setDefaultDataTypes(dataType, dataType);
        if (threads > 0) {
            // Environment.setMaxThreads alone leaves libnd4j's OpenMP pool as it was; set that too.
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
        String device = backend.equals("cuda") ? cudaDevice() : cpuDevice();
        return new Numerics(backend, precision.label(), device);
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Backends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String cpuDevice() {
        return "cpu " + cpuModel() + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.arch") + ", "
                + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + " ND4J threads, openblas="
                + OpenBlasPin.coreType();
    }

    /**
     * The processor's model name and a comma, or nothing where the OS does not say: unless pinned, OpenBLAS
     * picks its matmul kernels by processor, so runs of the matmul experiments can differ between models.
     */
    private static String cpuModel() {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static String cudaDevice() {
        Map<Object, Object> info = Nd4j.getExecutioner().getEnvironmentInformation();
        Object devices = info.get("cuda.devicesInformation");
        if (!(devices instanceof List<?> list) || list.isEmpty()) {
            throw new EngineException("--backend cuda: ND4J reports no CUDA device");
        }
        Map<String, Object> first = (Map<String, Object>) list.get(0);
        String name = String.valueOf(first.get("cuda.deviceName"));
        int major = Integer.parseInt(String.valueOf(first.getOrDefault("cuda.deviceMajor", "0")));
        int minor = Integer.parseInt(String.valueOf(first.getOrDefault("cuda.deviceMinor", "0")));
        if (major > NEWEST_SUPPORTED_MAJOR) {
            throw new EngineException(String.format(Locale.ROOT, "GPU %s has compute capability %d.%d; "
                    + "nd4j-cuda-11.6 1.0.0-M2.1 ships kernels for sm_37 to sm_86 and no PTX, so it cannot run "
                    + "there. Use --backend cpu, or build libnd4j for sm_%d%d (see README, 'GPUs')",
                    name, major, minor, major, minor));
        }
        return String.format(Locale.ROOT, "cuda %s (sm_%d%d)", name, major, minor);
    }
}
