package org.gansweep.engine;

import java.util.Optional;

/**
 * Pins OpenBLAS, which ND4J's CPU backend calls for every matmul, to one portable kernel family. OpenBLAS
 * picks its gemm kernels by the processor it detects, and different families round differently: a
 * 1e-13 difference in one dgemm grows to 3e-3 within 75 epochs of a chaotic GAN, so the same double run
 * gave other digits on an AMD EPYC and an Intel Xeon. OpenBLAS reads OPENBLAS_CORETYPE once, when its
 * library loads; this sets it in the process's own environment before ND4J is touched (the JVM cannot
 * change its environment otherwise), so a stray value inherited from the shell does not decide either.
 * Prescott runs on every x86-64. GANSWEEP_OPENBLAS_CORETYPE names another family, at the user's risk.
 */
public final class OpenBlasPin {
    public static final String PORTABLE = "Prescott";
    private static final String VARIABLE = "OPENBLAS_CORETYPE";
    private static volatile String effective;

    private OpenBlasPin() {
    }

    /** Sets the pin if the process can (java --add-modules jdk.incubator.foreign --enable-native-access). */
    public static synchronized void apply() {
        if (effective != null) {
            return;
        }
        String wanted = Optional.ofNullable(System.getenv("GANSWEEP_" + VARIABLE)).filter(v -> !v.isBlank())
                .orElse(PORTABLE);
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isPresent() && NativeEnvironment.set(VARIABLE, wanted)) {
            effective = wanted;
        } else {
            effective = Optional.ofNullable(System.getenv(VARIABLE)).filter(v -> !v.isBlank()).orElse("auto");
        }
    }

    /** The kernel family OpenBLAS loads with in this process ("auto": its own detection), for provenance. */
    public static String coreType() {
        apply();
        return effective;
    }
}
