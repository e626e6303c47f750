package org.gansweep.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A layer's nonlinearity, with its derivative written in terms of the layer's output y. The INDArray methods
 * serve the ND4J kernel; the {@code lane} methods are the same formulas on one value for the Java kernels
 * ({@link LaneNet}), built from {@link LaneMath} so they give the same bits on every processor. The
 * {@code single} overloads round every intermediate to float, as a float run stores it.
 */
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

    /** f(x) on one value, from {@link LaneMath} (rounded once by the caller in a float run). */
    public double lane(double x) {
        return switch (this) {
            case TANH -> LaneMath.tanh(x);
            case SIGMOID -> LaneMath.sigmoid(x);
            case ELU -> LaneMath.elu(x);
            case LINEAR -> x;
        };
    }

    /** f'(x) given y = f(x), in double: {@link #derivative}'s formula on one value. */
    public double laneDerivative(double y) {
        return laneDerivative(y, false);
    }

    /** f'(x) given y = f(x), every intermediate rounded to float when single. */
    public double laneDerivative(double y, boolean single) {
        return switch (this) {
            case TANH -> LaneMath.round(single, 1.0 - LaneMath.round(single, y * y));
            case SIGMOID -> LaneMath.round(single, LaneMath.round(single, 1.0 - y) * y);
            case ELU -> Math.min(LaneMath.round(single, y + 1.0), 1.0);
            case LINEAR -> 1.0;
        };
    }

    /** f''(x) given y = f(x), in double: {@link #secondDerivative}'s formula on one value. */
    public double laneSecondDerivative(double y) {
        return laneSecondDerivative(y, false);
    }

    /** f''(x) given y = f(x), every intermediate rounded to float when single. */
    public double laneSecondDerivative(double y, boolean single) {
        return switch (this) {
            case TANH -> LaneMath.round(single, LaneMath.round(single, laneDerivative(y, single) * y) * -2.0);
            case SIGMOID -> LaneMath.round(single, laneDerivative(y, single) * LaneMath.round(single, 1.0 - 2.0 * y));
            case ELU -> y <= 0 ? LaneMath.round(single, y + 1.0) : 0.0;
            case LINEAR -> 0.0;
        };
    }
}
