package org.gansweep.engine.gauss1d;

import org.gansweep.engine.Activation;
import org.gansweep.engine.BatchedNet;
import org.gansweep.engine.LaneNet;
import org.gansweep.engine.Precision;
import org.nd4j.linalg.api.buffer.DataType;

/** The two variants' networks, exactly as in the sources, for either kernel. */
final class Gauss1dNets {
    private Gauss1dNets() {
    }

    /** Layer sizes and nonlinearities of one network. */
    private record Shape(int[] sizes, Activation[] activations) {
    }

    /** v2018: 1-5-5-1 tanh, tanh, linear. v2017: 1-50-50-1 ELU, sigmoid, linear. */
    private static Shape generatorShape(String variant) {
        if (variant.equals("v2017")) {
            return new Shape(new int[] {1, 50, 50, 1},
                    new Activation[] {Activation.ELU, Activation.SIGMOID, Activation.LINEAR});
        }
        return new Shape(new int[] {1, 5, 5, 1}, new Activation[] {Activation.TANH, Activation.TANH, Activation.LINEAR});
    }

    /** v2018: 4-10-10-1 sigmoid on all three layers. v2017: 200-50-50-1 ELU, ELU, sigmoid. */
    private static Shape discriminatorShape(String variant, int inputs) {
        if (variant.equals("v2017")) {
            return new Shape(new int[] {inputs, 50, 50, 1},
                    new Activation[] {Activation.ELU, Activation.ELU, Activation.SIGMOID});
        }
        return new Shape(new int[] {inputs, 10, 10, 1},
                new Activation[] {Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID});
    }

    static BatchedNet generator(String variant, int runs, DataType dataType) {
        Shape shape = generatorShape(variant);
        return new BatchedNet(shape.sizes(), shape.activations(), runs, dataType);
    }

    static BatchedNet discriminator(String variant, int inputs, int runs, DataType dataType) {
        Shape shape = discriminatorShape(variant, inputs);
        return new BatchedNet(shape.sizes(), shape.activations(), runs, dataType);
    }

    static LaneNet laneGenerator(String variant, int runs, Precision precision) {
        Shape shape = generatorShape(variant);
        return new LaneNet(shape.sizes(), shape.activations(), runs, precision);
    }

    static LaneNet laneDiscriminator(String variant, int inputs, int runs, Precision precision) {
        Shape shape = discriminatorShape(variant, inputs);
        return new LaneNet(shape.sizes(), shape.activations(), runs, precision);
    }
}
