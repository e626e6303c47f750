package org.gansweep.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small fully connected network for each of R runs: layer l maps {@code [R, in, N]} to {@code [R, out, N]}
 * by one batched matmul with the runs' own weights. Parameters live in a {@code [P, R]} matrix (runs on the
 * last axis, as the shared optimizers want); the {@code [R, out, in]} weights and {@code [R, out, 1]} biases
 * are strided views of it, so an optimizer step moves them directly. Backward is written by hand and
 * checked against finite differences in tests.
 */
public final class BatchedNet {
    public final int[] sizes;
    public final Activation[] activations;
    public final int parameterCount;
    public final INDArray params;
    public final INDArray grad;
    private final int runs;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGrads;
    private final INDArray[] biasGrads;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    /** Forward cache: the input of each layer and the output of the last call. */
    private final INDArray[] inputs;
    private INDArray output;

    public BatchedNet(int[] sizes, Activation[] activations, int runs, DataType dataType) {
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        this.runs = runs;
        int layers = sizes.length - 1;
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffsets[l] = offset;
            offset += sizes[l + 1] * sizes[l];
            biasOffsets[l] = offset;
            offset += sizes[l + 1];
        }
        parameterCount = offset;
        params = Nd4j.zeros(dataType, parameterCount, runs);
        grad = Nd4j.zeros(dataType, parameterCount, runs);
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGrads = new INDArray[layers];
        biasGrads = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = weightView(params, l);
            biases[l] = biasView(params, l);
            weightGrads[l] = weightView(grad, l);
            biasGrads[l] = biasView(grad, l);
        }
        inputs = new INDArray[layers];
    }

    public int layers() {
        return sizes.length - 1;
    }

    /** Row of weight (out o, in i) of layer l in the [P, R] matrix. */
    public int weightRow(int l, int o, int i) {
        return weightOffsets[l] + o * sizes[l] + i;
    }

    public int biasRow(int l, int o) {
        return biasOffsets[l] + o;
    }

    /**
     * PyTorch's nn.Linear default for run r: every weight and bias of layer l ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
     * draw index = drawOffset + the parameter's row. Writes into a host copy of the [P, R] matrix (row-major).
     */
    public void pytorchDefault(double[] host, int r, long block, int drawOffset) {
        for (int l = 0; l < layers(); l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            for (int o = 0; o < sizes[l + 1]; o++) {
                for (int i = 0; i < sizes[l]; i++) {
                    int row = weightRow(l, o, i);
                    host[row * runs + r] = RunStream.uniform(block, drawOffset + row, -bound, bound);
                }
                int row = biasRow(l, o);
                host[row * runs + r] = RunStream.uniform(block, drawOffset + row, -bound, bound);
            }
        }
    }

    /** W[r, o, i] = matrix[weightRow(l, o, i), r]: strides (1, in R, R). */
    private INDArray weightView(INDArray matrix, int l) {
        int in = sizes[l];
        return Nd4j.create(matrix.data(), new long[] {runs, sizes[l + 1], in},
                new long[] {1, (long) in * runs, runs}, (long) weightOffsets[l] * runs, 'c');
    }

    private INDArray biasView(INDArray matrix, int l) {
        return Nd4j.create(matrix.data(), new long[] {runs, sizes[l + 1], 1}, new long[] {1, runs, runs},
                (long) biasOffsets[l] * runs, 'c');
    }

    /** Evaluates the network on x ({@code [R, in, N]}); keeps what backward needs. */
    public INDArray forward(INDArray x) {
        INDArray h = x;
        for (int l = 0; l < layers(); l++) {
            inputs[l] = h;
            INDArray pre = Nd4j.matmul(weights[l], h);
            Broadcast.addInPlace(pre, biases[l]);
            activations[l].apply(pre);
            h = pre;
        }
        output = h;
        return h;
    }

    /**
     * Back-propagates dLoss/d(pre-activation of the last layer) ({@code [R, out, N]}, the form in which a
     * sigmoid-BCE or linear output hands it over) through the last forward pass. Writes the parameter
     * gradients into {@link #grad} and returns dLoss/dInput ({@code [R, in, N]}).
     */
    public INDArray backward(INDArray gradPre) {
        INDArray g = gradPre;
        for (int l = layers() - 1; l >= 0; l--) {
            weightGrads[l].assign(Nd4j.matmul(g, inputs[l], false, true, false));
            biasGrads[l].assign(g.sum(true, 2));
            INDArray down = Nd4j.matmul(weights[l], g, true, false, false);
            if (l > 0) {
                activations[l - 1].multiplyDerivative(inputs[l], down);
            }
            g = down;
        }
        return g;
    }

    public INDArray output() {
        return output;
    }

    /**
     * R1 (Mescheder et al. 2018): for each run r adds to {@link #grad} the gradient of
     * {@code coefficient[r] * sum over the N samples of ||d logit / d x||^2}, where the logit is the last layer's
     * pre-activation and x ({@code [R, in, N]}) the real inputs; {@code coefficient} ({@code [R, 1, 1]}) is
     * gamma / (2 N) for a mean over samples. Returns that penalty per run. Call after {@link #backward} (it
     * runs its own forward pass). Second order by hand: the input gradient is itself a network (W^T, f'),
     * and its derivative runs back through it and then through the forward pass; checked against finite
     * differences of the penalty in tests.
     */
    public double[] addR1Gradient(INDArray x, INDArray coefficient) {
        int last = layers() - 1;
        // Forward: h[l] is layer l's input; derivative[l], second[l] of hidden layer l at its pre-activation.
        INDArray[] h = new INDArray[layers()];
        INDArray[] derivative = new INDArray[last];
        INDArray[] second = new INDArray[last];
        h[0] = x;
        for (int l = 0; l < last; l++) {
            INDArray pre = Nd4j.matmul(weights[l], h[l]);
            Broadcast.addInPlace(pre, biases[l]);
            activations[l].apply(pre);
            h[l + 1] = pre;
            derivative[l] = activations[l].derivative(pre);
            second[l] = activations[l].secondDerivative(pre);
        }
        // The input gradient: delta[l] = d logit / d pre-activation of layer l, v[l] = d logit / d h[l].
        long samples = x.size(2);
        INDArray[] delta = new INDArray[layers()];
        INDArray[] v = new INDArray[layers()];
        delta[last] = Nd4j.ones(x.dataType(), runs, 1, samples);
        for (int l = last; l >= 0; l--) {
            v[l] = Nd4j.matmul(weights[l], delta[l], true, false, false);
            if (l > 0) {
                delta[l - 1] = v[l].mul(derivative[l - 1]);
            }
        }
        INDArray penalty = Broadcast.mul(v[0].mul(v[0]).sum(true, 1, 2), coefficient);
        // Back through the input-gradient network, from v[0] up; seed[l]: what reaches pre-activation l.
        INDArray vBar = Broadcast.mul(v[0], coefficient).muli(2.0);
        INDArray[] seed = new INDArray[last];
        for (int l = 0; l <= last; l++) {
            weightGrads[l].addi(Nd4j.matmul(delta[l], vBar, false, true, false));
            if (l == last) {
                break;
            }
            INDArray deltaBar = Nd4j.matmul(weights[l], vBar);
            seed[l] = deltaBar.mul(v[l + 1]).muli(second[l]);
            vBar = deltaBar.muli(derivative[l]);
        }
        // Then back through the forward pass from the highest hidden pre-activation down.
        INDArray g = last > 0 ? seed[last - 1] : null;
        for (int l = last - 1; l >= 0; l--) {
            weightGrads[l].addi(Nd4j.matmul(g, h[l], false, true, false));
            biasGrads[l].addi(g.sum(true, 2));
            if (l > 0) {
                g = Nd4j.matmul(weights[l], g, true, false, false).muli(derivative[l - 1]).addi(seed[l - 1]);
            }
        }
        return penalty.dup().data().asDouble();
    }
}
