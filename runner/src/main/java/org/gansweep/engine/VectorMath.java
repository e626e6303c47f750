package org.gansweep.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastMath}'s tanh and sigmoid on whole vectors of runs, with the same operations in the same
 * order, so a lane computes exactly the bits the scalar version does. Used only by fused CPU kernels,
 * which need the JDK's incubating Vector API (check {@link VectorApi#available()} before loading this).
 */
public final class VectorMath {
    /** The widest float vector this CPU runs natively (16 lanes with AVX-512). */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorMath() {
    }

    public static FloatVector tanh(FloatVector x) {
        FloatVector c = x.min(FastMath.CLAMP).max(-FastMath.CLAMP);
        FloatVector t = c.mul(c);
        FloatVector p = t.mul(FastMath.P4).add(FastMath.P3).mul(t).add(FastMath.P2).mul(t).add(FastMath.P1).mul(t)
                .add(FastMath.P0);
        FloatVector q = t.mul(FastMath.Q4).add(FastMath.Q3).mul(t).add(FastMath.Q2).mul(t).add(FastMath.Q1).mul(t)
                .add(1f);
        return c.mul(p).div(q).min(1f).max(-1f);
    }

    public static FloatVector sigmoid(FloatVector x) {
        return tanh(x.mul(0.5f)).mul(0.5f).add(0.5f);
    }
}
