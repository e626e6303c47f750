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

    /** f'(x) as a new array, given y = f(x). */
    public INDArray derivative(INDArray y) {
        return switch (this) {
            case TANH -> y.mul(y).rsubi(1.0);
            case SIGMOID -> y.rsub(1.0).muli(y);
            case ELU -> Transforms.min(y.add(1.0), 1.0, false);
            case LINEAR -> y.like().assign(1.0);
        };
    }

    /**
     * f''(x) as a new array, given y = f(x): tanh -2 y (1 - y^2); sigmoid y (1 - y) (1 - 2 y); ELU e^x = y + 1
     * where x <= 0 and 0 where x > 0; linear 0. For second-order terms such as R1's gradient.
     */
    public INDArray secondDerivative(INDArray y) {
        return switch (this) {
            case TANH -> y.mul(y).rsubi(1.0).muli(y).muli(-2.0);
            case SIGMOID -> y.rsub(1.0).muli(y).muli(y.mul(-2.0).addi(1.0));
            case ELU -> y.add(1.0).muli(y.lte(0.0).castTo(y.dataType()));
            case LINEAR -> y.like();
        };
    }
}
