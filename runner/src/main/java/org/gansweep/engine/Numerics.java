package org.gansweep.engine;

/**
 * Which backend and dtype really run the tensor math, as read back from ND4J after it started (not what
 * was asked for). Every run record carries it: bitwise reproducibility holds per backend and dtype.
 */
public record Numerics(String backend, String dtype, String device) {
    /** The same numerics with another backend name, e.g. "cpu-fused" for the fused CPU kernel. */
    public Numerics withBackend(String name) {
        return new Numerics(name, dtype, device);
    }
}
