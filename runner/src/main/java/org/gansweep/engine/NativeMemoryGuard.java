package org.gansweep.engine;

/**
 * ND4J frees an array's native memory only once the JVM has collected the array object. Training code that
 * allocates fresh arrays for every op (the batched-matmul families: a few hundred MB per second of small
 * arrays) makes native garbage far faster than its tiny Java objects fill the heap, so collections come
 * too rarely: a gauss1d sweep grew to 21 GB and was killed. {@link #tick} after each update asks for a
 * collection at most every {@link #INTERVAL_NANOS}; results do not depend on it.
 */
public final class NativeMemoryGuard {
    static final long INTERVAL_NANOS = 250_000_000L;
    private long last = System.nanoTime();

    public void tick() {
        long now = System.nanoTime();
        if (now - last > INTERVAL_NANOS) {
            System.gc();
            last = System.nanoTime();
        }
    }
}
