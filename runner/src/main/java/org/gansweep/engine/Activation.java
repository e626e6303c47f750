package org.gansweep.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A layer's nonlinearity, with its derivative written in terms of the layer's output y. */
public enum Activation {
    TANH, SIGMOID, ELU, LINEAR;

    public void apply(INDArray preActivation) {
        switch (this) {
            case TANH -> Transforms.tanh(preActivation, false);
            case SIGMOID -> Transforms.sigmoid(preActivation, false);
            case ELU -> Transforms.elu(preActivation, false);
            case LINEAR -> {
                // identity
            }
        }
    }

    /** Multiplies grad by f'(x), given y = f(x): tanh 1 - y^2; sigmoid y (1 - y); ELU (alpha 1) min(y + 1, 1). */
    public void multiplyDerivative(INDArray y, INDArray grad) {
        switch (this) {
            case TANH -> grad.muli(y.mul(y).rsubi(1.0));
            case SIGMOID -> grad.muli(y.rsub(1.0).muli(y));
            case ELU -> grad.muli(Transforms.min(y.add(1.0), 1.0, false));
            case LINEAR -> {
                // f' = 1
            }
        }
    }
}
