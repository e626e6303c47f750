package org.gansweep.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J operations that write into a preallocated output. The batched engine lays arrays out as
 * {@code [rows, R]} with one column per run, so per-run values are row vectors broadcast along dimension 1
 * (the contiguous axis: measured several times faster than broadcasting along dimension 0). Writing into
 * preallocated arrays keeps the per-step loop free of allocations, whose off-heap memory ND4J only
 * releases when the Java GC runs.
 */
public final class TensorOps {
    private TensorOps() {
    }

    private static OpExecutioner exec() {
        return Nd4j.getExecutioner();
    }

    /** out = x * row, row broadcast over x's rows. */
    public static void mulRow(INDArray x, INDArray row, INDArray out) {
        exec().exec(new BroadcastMulOp(x, row, out, 1));
    }

    /** out = x + row, row broadcast over x's rows. */
    public static void addRow(INDArray x, INDArray row, INDArray out) {
        exec().exec(new BroadcastAddOp(x, row, out, 1));
    }

    /** out = x * y, elementwise. */
    public static void mul(INDArray x, INDArray y, INDArray out) {
        exec().exec(new MulOp(x, y, out));
    }

    /** out = x - y, elementwise. */
    public static void sub(INDArray x, INDArray y, INDArray out) {
        exec().exec(new SubOp(x, y, out));
    }

    public static void tanh(INDArray x, INDArray out) {
        exec().exec(new Tanh(x, out));
    }

    public static void sigmoid(INDArray x, INDArray out) {
        exec().exec(new Sigmoid(x, out));
    }

    /** out = column sums of x ([rows, R] to [R]). Each column is summed alone, so runs never mix. */
    public static void sumRows(INDArray x, INDArray out) {
        x.sum(out, 0);
    }
}
