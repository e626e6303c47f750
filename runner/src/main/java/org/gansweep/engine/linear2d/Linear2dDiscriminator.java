package org.gansweep.engine.linear2d;

import static org.gansweep.engine.TensorOps.addRow;
import static org.gansweep.engine.TensorOps.mul;
import static org.gansweep.engine.TensorOps.tanh;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * d2l's D: Linear(2,5) -> tanh -> Linear(5,3) -> tanh -> Linear(3,1), returning the logit (the loss is
 * BCE with logits), for M inputs of each of R runs. A layer's units are stacked: activations are
 * {@code [units, M, R]} and a weight column is a {@code [units, 1, R]} view of the shared {@code [37, R]}
 * parameter matrix, so one broadcasting multiply serves every unit of a layer (runs stay on the last,
 * contiguous axis). That is about a third of the ND4J calls of one call per unit, and per-call overhead is
 * what a small batch costs. Holds the buffers of one pass; the backward pass is derived by hand and checked
 * against finite differences in tests.
 */
final class Linear2dDiscriminator {
    static final int IN = 2;
    static final int HIDDEN1 = 5;
    static final int HIDDEN2 = 3;
    static final int PARAMETERS = HIDDEN1 * IN + HIDDEN1 + HIDDEN2 * HIDDEN1 + HIDDEN2 + HIDDEN2 + 1;
    /** Row offsets: W1 column by column (its units contiguous per input), b1, W2 row by row, b2, W3, b3. */
    private static final int B1 = HIDDEN1 * IN;
    private static final int W2 = B1 + HIDDEN1;
    private static final int B2 = W2 + HIDDEN2 * HIDDEN1;
    private static final int W3 = B2 + HIDDEN2;
    static final int B3 = W3 + HIDDEN2;

    private final long rows;
    private final INDArray[] w1Columns = new INDArray[IN];
    private final INDArray b1;
    private final INDArray[] w2Rows = new INDArray[HIDDEN2];
    private final INDArray b2;
    private final INDArray w3;
    private final INDArray b3;
    private final INDArray stackedInput;
    /** D's input, one [M, R] view per coordinate. */
    final INDArray[] input = new INDArray[IN];
    private final INDArray[] inputSlices = new INDArray[IN];
    private final INDArray h1;
    private final INDArray h2;
    private final INDArray[] h2Rows = new INDArray[HIDDEN2];
    /** Loss gradients at the pre-activations, kept by {@link #backward} for the gradient methods. */
    private final INDArray g1;
    private final INDArray g2;
    private final INDArray[] g2Slices = new INDArray[HIDDEN2];
    final INDArray logit;
    private final INDArray t1;
    private final INDArray t2;

    /** params: D's [37, R] parameter matrix, a whole array (the [units, 1, R] views alias its buffer). */
    Linear2dDiscriminator(INDArray params, long rows, DataType dataType) {
        this.rows = rows;
        long runs = params.columns();
        INDArray stacked = stacked(params);
        for (int i = 0; i < IN; i++) {
            w1Columns[i] = block(stacked, HIDDEN1 * i, HIDDEN1);
        }
        b1 = block(stacked, B1, HIDDEN1);
        for (int k = 0; k < HIDDEN2; k++) {
            w2Rows[k] = block(stacked, W2 + HIDDEN1 * k, HIDDEN1);
        }
        b2 = block(stacked, B2, HIDDEN2);
        w3 = block(stacked, W3, HIDDEN2);
        b3 = params.getRow(B3);
        stackedInput = Nd4j.zeros(dataType, IN, rows, runs);
        for (int i = 0; i < IN; i++) {
            input[i] = stackedInput.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all());
            inputSlices[i] = block(stackedInput, i, 1);
        }
        h1 = Nd4j.zeros(dataType, HIDDEN1, rows, runs);
        g1 = Nd4j.zeros(dataType, HIDDEN1, rows, runs);
        t1 = Nd4j.zeros(dataType, HIDDEN1, rows, runs);
        h2 = Nd4j.zeros(dataType, HIDDEN2, rows, runs);
        g2 = Nd4j.zeros(dataType, HIDDEN2, rows, runs);
        t2 = Nd4j.zeros(dataType, HIDDEN2, rows, runs);
        for (int k = 0; k < HIDDEN2; k++) {
            h2Rows[k] = h2.get(NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all());
            g2Slices[k] = block(g2, k, 1);
        }
        logit = Nd4j.zeros(dataType, rows, runs);
    }

    /** A [P, 1, R] array sharing the buffer of a whole [P, R] matrix. */
    static INDArray stacked(INDArray matrix) {
        if (matrix.isView() || matrix.ordering() != 'c') {
            throw new IllegalArgumentException("stacked views need a whole c-order matrix");
        }
        long runs = matrix.columns();
        return Nd4j.create(matrix.data(), new long[] {matrix.rows(), 1, runs}, new long[] {runs, runs, 1}, 0, 'c');
    }

    /** Rows [from, from + count) of a stacked array, as a [count, ., R] view. */
    private static INDArray block(INDArray stacked, int from, int count) {
        return stacked.get(new INDArrayIndex[] {NDArrayIndex.interval(from, from + count), NDArrayIndex.all(),
            NDArrayIndex.all()});
    }

    /** The [units, R] views of a gradient matrix in this class's row order, for {@link #parameterGradients}. */
    static INDArray[] gradientBlocks(INDArray gradient) {
        INDArray[] blocks = new INDArray[IN + 1 + HIDDEN2 + 3];
        for (int i = 0; i < IN; i++) {
            blocks[i] = gradient.get(NDArrayIndex.interval(HIDDEN1 * i, HIDDEN1 * (i + 1)), NDArrayIndex.all());
        }
        blocks[IN] = gradient.get(NDArrayIndex.interval(B1, W2), NDArrayIndex.all());
        for (int k = 0; k < HIDDEN2; k++) {
            blocks[IN + 1 + k] = gradient.get(NDArrayIndex.interval(W2 + HIDDEN1 * k, W2 + HIDDEN1 * (k + 1)),
                    NDArrayIndex.all());
        }
        blocks[IN + 1 + HIDDEN2] = gradient.get(NDArrayIndex.interval(B2, W3), NDArrayIndex.all());
        blocks[IN + 2 + HIDDEN2] = gradient.get(NDArrayIndex.interval(W3, B3), NDArrayIndex.all());
        blocks[IN + 3 + HIDDEN2] = gradient.getRow(B3);
        return blocks;
    }

    private static void add(INDArray x, INDArray y, INDArray out) {
        Nd4j.getExecutioner().exec(new AddOp(x, y, out));
    }

    /** Evaluates the logit of {@link #input}. */
    void forward() {
        mul(w1Columns[0], inputSlices[0], h1);
        for (int i = 1; i < IN; i++) {
            mul(w1Columns[i], inputSlices[i], t1);
            h1.addi(t1);
        }
        add(h1, b1, h1);
        tanh(h1, h1);
        for (int k = 0; k < HIDDEN2; k++) {
            mul(w2Rows[k], h1, t1);
            t1.sum(h2Rows[k], 0);
        }
        add(h2, b2, h2);
        tanh(h2, h2);
        mul(w3, h2, t2);
        t2.sum(logit, 0);
        addRow(logit, b3, logit);
    }

    /** Back-propagates dLoss/dLogit ([M, R], whole) to both layers' pre-activations (tanh' = 1 - tanh^2). */
    void backward(INDArray gradLogit) {
        mul(w3, gradLogit.reshape(1, rows, gradLogit.columns()), g2);
        mul(h2, h2, t2);
        t2.rsubi(1.0);
        g2.muli(t2);
        mul(w2Rows[0], g2Slices[0], g1);
        for (int k = 1; k < HIDDEN2; k++) {
            mul(w2Rows[k], g2Slices[k], t1);
            g1.addi(t1);
        }
        mul(h1, h1, t1);
        t1.rsubi(1.0);
        g1.muli(t1);
    }

    /** Writes dLoss/dParams into the blocks of {@link #gradientBlocks} after {@link #backward}. */
    void parameterGradients(INDArray gradLogit, INDArray[] blocks) {
        gradLogit.sum(blocks[IN + 3 + HIDDEN2], 0);
        mul(gradLogit.reshape(1, rows, gradLogit.columns()), h2, t2);
        t2.sum(blocks[IN + 2 + HIDDEN2], 1);
        g2.sum(blocks[IN + 1 + HIDDEN2], 1);
        for (int k = 0; k < HIDDEN2; k++) {
            mul(g2Slices[k], h1, t1);
            t1.sum(blocks[IN + 1 + k], 1);
        }
        g1.sum(blocks[IN], 1);
        for (int i = 0; i < IN; i++) {
            mul(inputSlices[i], g1, t1);
            t1.sum(blocks[i], 1);
        }
    }

    /** Writes dLoss/dInput (one [M, R] array per coordinate) after {@link #backward}. */
    void inputGradient(INDArray[] out) {
        for (int i = 0; i < IN; i++) {
            mul(w1Columns[i], g1, t1);
            t1.sum(out[i], 0);
        }
    }
}
