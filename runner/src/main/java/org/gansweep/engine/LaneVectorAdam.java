package org.gansweep.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOptimizer}'s Adam update on whole vectors along the flattened {@code [P][R]} arrays, each entry
 * the same operations in the same order as the scalar loop (so the same bits). A float run computes on float
 * vectors: its stored values and constants are floats, and float + - * / and sqrt on them give exactly the
 * double results rounded to float. Per-run constants come as {@link LaneVectors#spread} patterns (R values,
 * then the first vector length again), read at j mod R. Needs the Vector API.
 */
final class LaneVectorAdam {
    private static final VectorSpecies<Double> SPECIES = LaneVectorMath.SPECIES;
    private static final VectorSpecies<Float> FLOATS = LaneVectorMath.FLOATS;
    private static final int LENGTH = SPECIES.length();

    private LaneVectorAdam() {
    }

    /**
     * The first {@code vectors} entries (a multiple of the vector length); the constants' patterns
     * (oneMinusBeta1, oneMinusBeta2, biasCorrection2, eps, stepSize) lie at 0, 1, 2, 3, 4 times R + length.
     */
    static void step(double[] params, double[] grad, double[] first, double[] second, double[] doubles,
                     float[] floats, int runs, int vectors, boolean single) {
        if (single) {
            floats(params, grad, first, second, floats, runs, vectors);
        } else {
            doubles(params, grad, first, second, doubles, runs, vectors);
        }
    }

    private static void doubles(double[] params, double[] grad, double[] first, double[] second, double[] c,
                                int runs, int vectors) {
        int stride = runs + LENGTH;
        int step = LENGTH % runs;
        int t = 0;
        for (int j = 0; j < vectors; j += LENGTH) {
            DoubleVector g = DoubleVector.fromArray(SPECIES, grad, j);
            DoubleVector m = DoubleVector.fromArray(SPECIES, first, j);
            DoubleVector v = DoubleVector.fromArray(SPECIES, second, j);
            m = m.add(g.sub(m).mul(DoubleVector.fromArray(SPECIES, c, t)));
            v = v.add(g.mul(g).sub(v).mul(DoubleVector.fromArray(SPECIES, c, stride + t)));
            DoubleVector denom = v.sqrt().mul(DoubleVector.fromArray(SPECIES, c, 2 * stride + t))
                    .add(DoubleVector.fromArray(SPECIES, c, 3 * stride + t));
            DoubleVector p = DoubleVector.fromArray(SPECIES, params, j)
                    .sub(m.div(denom).mul(DoubleVector.fromArray(SPECIES, c, 4 * stride + t)));
            m.intoArray(first, j);
            v.intoArray(second, j);
            p.intoArray(params, j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
    }

    private static void floats(double[] params, double[] grad, double[] first, double[] second, float[] c,
                               int runs, int vectors) {
        int stride = runs + LENGTH;
        int step = LENGTH % runs;
        int t = 0;
        for (int j = 0; j < vectors; j += LENGTH) {
            FloatVector g = (FloatVector) DoubleVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector m = (FloatVector) DoubleVector.fromArray(SPECIES, first, j)
                    .convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector v = (FloatVector) DoubleVector.fromArray(SPECIES, second, j)
                    .convertShape(VectorOperators.D2F, FLOATS, 0);
            m = m.add(g.sub(m).mul(FloatVector.fromArray(FLOATS, c, t)));
            v = v.add(g.mul(g).sub(v).mul(FloatVector.fromArray(FLOATS, c, stride + t)));
            FloatVector denom = v.sqrt().mul(FloatVector.fromArray(FLOATS, c, 2 * stride + t))
                    .add(FloatVector.fromArray(FLOATS, c, 3 * stride + t));
            FloatVector p = ((FloatVector) DoubleVector.fromArray(SPECIES, params, j)
                    .convertShape(VectorOperators.D2F, FLOATS, 0))
                    .sub(m.div(denom).mul(FloatVector.fromArray(FLOATS, c, 4 * stride + t)));
            ((DoubleVector) m.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(first, j);
            ((DoubleVector) v.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(second, j);
            ((DoubleVector) p.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(params, j);
            t += step;
            if (t >= runs) {
                t -= runs;
            }
        }
    }
}
