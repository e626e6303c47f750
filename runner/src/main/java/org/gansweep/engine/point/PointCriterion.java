package org.gansweep.engine.point;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.gansweep.engine.TensorOps;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The success criterion tracked on the tensor backend, step by step, without copying parameters to the
 * host: lastFailure[r] becomes the step whenever |w| or |b - 1| is not below run r's tolerance. Read back
 * once, at the end. (On CUDA a per-step read would synchronize host and device every step.)
 */
final class PointCriterion {
    private final INDArray w;
    private final INDArray b;
    private final INDArray tolerance;
    private final INDArray lastFailure;
    private final INDArray distance;
    private final INDArray failed;
    private final INDArray failedB;

    PointCriterion(INDArray w, INDArray b, double[] tolerance, DataType dataType) {
        this.w = w;
        this.b = b;
        long runs = w.length();
        this.tolerance = Nd4j.createFromArray(tolerance).castTo(dataType);
        this.lastFailure = Nd4j.zeros(dataType, runs);
        this.distance = Nd4j.zeros(dataType, runs);
        this.failed = Nd4j.zeros(dataType, runs);
        this.failedB = Nd4j.zeros(dataType, runs);
    }

    /**
     * After step `step`: failed = step(|w| - tol) max step(|b - 1| - tol); lastFailure = max(it, failed * step).
     * (|w| exactly equal to tol counts as success here and as failure on the host; floats make that moot.)
     */
    void observe(long step) {
        exec(new Abs(w, distance));
        TensorOps.sub(distance, tolerance, distance);
        exec(new Step(distance, failed, 0.0));
        b.sub(1.0, distance);
        exec(new Abs(distance, distance));
        TensorOps.sub(distance, tolerance, distance);
        exec(new Step(distance, failedB, 0.0));
        Transforms.max(failed, failedB, false);
        failed.muli(step);
        Transforms.max(lastFailure, failed, false);
    }

    /** The last step each run failed the criterion (0 = never): one copy to the host. */
    double[] lastFailure() {
        return lastFailure.toDoubleVector();
    }

    private static void exec(org.nd4j.linalg.api.ops.Op op) {
        Nd4j.getExecutioner().exec(op);
    }

}
