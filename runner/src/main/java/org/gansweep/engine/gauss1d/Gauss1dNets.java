package org.gansweep.engine.gauss1d;

import org.gansweep.engine.Activation;
import org.gansweep.engine.BatchedNet;
import org.nd4j.linalg.api.buffer.DataType;

/** The two variants' networks, exactly as in the sources. */
final class Gauss1dNets {
    private Gauss1dNets() {
    }

    /** v2018: 1-5-5-1 tanh, tanh, linear. v2017: 1-50-50-1 ELU, sigmoid, linear. */
    static BatchedNet generator(String variant, int runs, DataType dataType) {
        if (variant.equals("v2017")) {
            return new BatchedNet(new int[] {1, 50, 50, 1},
                    new Activation[] {Activation.ELU, Activation.SIGMOID, Activation.LINEAR}, runs, dataType);
        }
        return new BatchedNet(new int[] {1, 5, 5, 1},
                new Activation[] {Activation.TANH, Activation.TANH, Activation.LINEAR}, runs, dataType);
    }

    /** v2018: 4-10-10-1 sigmoid on all three layers. v2017: 200-50-50-1 ELU, ELU, sigmoid. */
    static BatchedNet discriminator(String variant, int inputs, int runs, DataType dataType) {
        if (variant.equals("v2017")) {
            return new BatchedNet(new int[] {inputs, 50, 50, 1},
                    new Activation[] {Activation.ELU, Activation.ELU, Activation.SIGMOID}, runs, dataType);
        }
        return new BatchedNet(new int[] {inputs, 10, 10, 1},
                new Activation[] {Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID}, runs, dataType);
    }
}
