package org.gansweep.engine;

/**
 * Whether the JDK's incubating Vector API is loaded (java --add-modules jdk.incubator.vector). Kept apart
 * from the classes that use it: touching them without the module fails at class loading.
 */
public final class VectorApi {
    private VectorApi() {
    }

    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
