package org.gansweep.engine.point;

import static org.gansweep.engine.TensorOps.addRow;
import static org.gansweep.engine.TensorOps.mul;
import static org.gansweep.engine.TensorOps.mulRow;
import static org.gansweep.engine.TensorOps.sigmoid;
import static org.gansweep.engine.TensorOps.sumRows;
import static org.gansweep.engine.TensorOps.tanh;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * D(x) = sigmoid(v0 tanh(a0 x + c0) + v1 tanh(a1 x + c1) + e), the article's Linear(1,2)-tanh-Linear(2,1)-
 * sigmoid, evaluated for M inputs of each of R runs at once ({@code [M, R]} arrays, one column per run).
 * Holds the buffers of one pass; the parameters are row views of the shared {@code [7, R]} matrix. The
 * backward pass is derived by hand (checked against finite differences in tests).
 */
final class PointDiscriminator {
    /** Row order of D's parameter matrix. */
    static final int A0 = 0;
    static final int A1 = 1;
    static final int C0 = 2;
    static final int C1 = 3;
    static final int V0 = 4;
    static final int V1 = 5;
    static final int E = 6;
    static final int PARAMETERS = 7;

    private final INDArray a0;
    private final INDArray a1;
    private final INDArray c0;
    private final INDArray c1;
    private final INDArray v0;
    private final INDArray v1;
    private final INDArray e;
    final INDArray input;
    final INDArray h0;
    final INDArray h1;
    /** The logit before the sigmoid. */
    final INDArray logit;
    /** D's output probability. */
    final INDArray output;
    private final INDArray tmp;
    private final INDArray gz0;
    private final INDArray gz1;

    PointDiscriminator(INDArray params, long rows, DataType dataType) {
        long runs = params.columns();
        a0 = params.getRow(A0);
        a1 = params.getRow(A1);
        c0 = params.getRow(C0);
        c1 = params.getRow(C1);
        v0 = params.getRow(V0);
        v1 = params.getRow(V1);
        e = params.getRow(E);
        input = Nd4j.zeros(dataType, rows, runs);
        h0 = Nd4j.zeros(dataType, rows, runs);
        h1 = Nd4j.zeros(dataType, rows, runs);
        logit = Nd4j.zeros(dataType, rows, runs);
        output = Nd4j.zeros(dataType, rows, runs);
        tmp = Nd4j.zeros(dataType, rows, runs);
        gz0 = Nd4j.zeros(dataType, rows, runs);
        gz1 = Nd4j.zeros(dataType, rows, runs);
    }

    /** Evaluates D on {@link #input}. */
    void forward() {
        mulRow(input, a0, h0);
        addRow(h0, c0, h0);
        tanh(h0, h0);
        mulRow(input, a1, h1);
        addRow(h1, c1, h1);
        tanh(h1, h1);
        mulRow(h0, v0, logit);
        mulRow(h1, v1, tmp);
        logit.addi(tmp);
        addRow(logit, e, logit);
        sigmoid(logit, output);
    }

    /**
     * Back-propagates dLoss/dLogit to the hidden pre-activations, kept in gz0/gz1 for
     * {@link #parameterGradients} and {@link #inputGradient}.
     */
    void backward(INDArray gradLogit) {
        backwardHidden(gradLogit, h0, v0, gz0);
        backwardHidden(gradLogit, h1, v1, gz1);
    }

    private void backwardHidden(INDArray gradLogit, INDArray hidden, INDArray outWeight, INDArray gz) {
        mul(hidden, hidden, tmp);
        tmp.rsubi(1.0);
        mulRow(gradLogit, outWeight, gz);
        gz.muli(tmp);
    }

    /** Writes dLoss/dParams into the rows of D's gradient matrix after {@link #backward}. */
    void parameterGradients(INDArray gradLogit, INDArray[] gradRows) {
        sumRows(gradLogit, gradRows[E]);
        mul(gradLogit, h0, tmp);
        sumRows(tmp, gradRows[V0]);
        mul(gradLogit, h1, tmp);
        sumRows(tmp, gradRows[V1]);
        sumRows(gz0, gradRows[C0]);
        sumRows(gz1, gradRows[C1]);
        mul(gz0, input, tmp);
        sumRows(tmp, gradRows[A0]);
        mul(gz1, input, tmp);
        sumRows(tmp, gradRows[A1]);
    }

    /** Row views of a parameter-shaped matrix, made once: ND4J views cost a native call each. */
    static INDArray[] rows(INDArray matrix) {
        INDArray[] rows = new INDArray[(int) matrix.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = matrix.getRow(i);
        }
        return rows;
    }

    /** Writes dLoss/dInput into out after {@link #backward}. */
    void inputGradient(INDArray out) {
        mulRow(gz0, a0, tmp);
        mulRow(gz1, a1, out);
        out.addi(tmp);
    }
}
