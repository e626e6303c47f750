package org.gansweep.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * setenv(3) in this process, through the JDK's incubating foreign-function API: native libraries loaded
 * afterwards (OpenBLAS) read the new value. Kept apart from {@link OpenBlasPin}: touching this class
 * without the jdk.incubator.foreign module fails at class loading.
 */
final class NativeEnvironment {
    private NativeEnvironment() {
    }

    /** True when set; false when the JVM denies native access (no --enable-native-access) or setenv fails. */
    static boolean set(String name, String value) {
        try {
            CLinker linker = CLinker.getInstance();
            MethodHandle setenv = linker.downcallHandle(CLinker.systemLookup().lookup("setenv").orElseThrow(),
                    MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, int.class),
                    FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT));
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemorySegment cName = CLinker.toCString(name, scope);
                MemorySegment cValue = CLinker.toCString(value, scope);
                return (int) setenv.invokeExact(cName.address(), cValue.address(), 1) == 0;
            }
        } catch (Throwable denied) {
            // IllegalCallerException without --enable-native-access; the caller records what OpenBLAS gets.
            return false;
        }
    }
}
