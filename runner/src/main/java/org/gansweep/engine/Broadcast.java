package org.gansweep.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise ops where y has size 1 on some axes of x (a per-run, per-unit bias or statistic against
 * [R, units, N]). The pairwise ops broadcast in place; INDArray.broadcast() would first copy y to x's shape,
 * which profiling showed to be most of an epoch's time.
 */
public final class Broadcast {
    private Broadcast() {
    }

    public static INDArray add(INDArray x, INDArray y) {
        return Nd4j.getExecutioner().exec(new AddOp(x, y, Nd4j.createUninitialized(x.dataType(), x.shape())))[0];
    }

    public static INDArray sub(INDArray x, INDArray y) {
        return Nd4j.getExecutioner().exec(new SubOp(x, y, Nd4j.createUninitialized(x.dataType(), x.shape())))[0];
    }

    public static INDArray mul(INDArray x, INDArray y) {
        return Nd4j.getExecutioner().exec(new MulOp(x, y, Nd4j.createUninitialized(x.dataType(), x.shape())))[0];
    }

    public static INDArray div(INDArray x, INDArray y) {
        return Nd4j.getExecutioner().exec(new DivOp(x, y, Nd4j.createUninitialized(x.dataType(), x.shape())))[0];
    }

    public static void addInPlace(INDArray x, INDArray y) {
        Nd4j.getExecutioner().exec(new AddOp(x, y, x));
    }
}
