package org.gansweep.engine;

/**
 * {@link BatchedNet}'s fully connected network for each of R runs, in the Java kernels' lane form:
 * parameters and gradients are host arrays {@code [P][R]} (entry {@code row * R + r}, rows numbered as in
 * BatchedNet), activations {@code [units][n][R]}. Every sum runs in a fixed order inside a run's lane and a
 * float run rounds every stored value (see {@link LaneLayers}), so a run gets the same bits alone, in any
 * batch, at any vector width and on any processor. Buffers are sized once for the largest n seen and reused;
 * not thread-safe.
 */
public final class LaneNet {
    public final int[] sizes;
    public final Activation[] activations;
    public final int parameterCount;
    public final int runs;
    /** {@code [P][R]}: row = {@link #weightRow} / {@link #biasRow}. */
    public final double[] params;
    /** {@code [P][R]}, the gradient of the last backward (plus R1's, when added). */
    public final double[] grad;
    private final boolean single;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    /** Work arrays of the layer loops. */
    private final LaneScratch scratch = new LaneScratch();
    /** Forward cache: the caller's input and each layer's output ([l] = output of layer l). */
    private double[] input;
    private int samples;
    private double[][] outputs = new double[0][];
    /** downs[l]: dLoss/d(input of layer l), the pre-activation gradient of layer l - 1 once multiplied by f'. */
    private double[][] downs = new double[0][];
    private int capacity;
    private LaneR1 r1;

    public LaneNet(int[] sizes, Activation[] activations, int runs, Precision precision) {
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        this.runs = runs;
        this.single = precision == Precision.FLOAT;
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
        params = new double[parameterCount * runs];
        grad = new double[parameterCount * runs];
    }

    public int layers() {
        return sizes.length - 1;
    }

    /** Row of weight (out o, in i) of layer l in the [P][R] arrays. */
    public int weightRow(int l, int o, int i) {
        return weightOffsets[l] + o * sizes[l] + i;
    }

    public int biasRow(int l, int o) {
        return biasOffsets[l] + o;
    }

    boolean single() {
        return single;
    }

    /**
     * PyTorch's nn.Linear default for run r, the same draws as {@link BatchedNet#pytorchDefault}: every weight
     * and bias of layer l ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)), draw index drawOffset + the parameter's row.
     */
    public void pytorchDefault(int r, long block, int drawOffset) {
        for (int l = 0; l < layers(); l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            for (int o = 0; o < sizes[l + 1]; o++) {
                for (int i = 0; i < sizes[l]; i++) {
                    int row = weightRow(l, o, i);
                    params[row * runs + r] = LaneMath.round(single,
                            RunStream.uniform(block, drawOffset + row, -bound, bound));
                }
                int row = biasRow(l, o);
                params[row * runs + r] = LaneMath.round(single, RunStream.uniform(block, drawOffset + row, -bound, bound));
            }
        }
    }

    /** Makes every buffer hold n samples (grows only, so alternating batch sizes do not reallocate). */
    private void reserve(int n) {
        if (n <= capacity) {
            return;
        }
        outputs = new double[layers()][];
        downs = new double[layers()][];
        for (int l = 0; l < layers(); l++) {
            outputs[l] = new double[sizes[l + 1] * n * runs];
            downs[l] = new double[sizes[l] * n * runs];
        }
        capacity = n;
    }

    /**
     * Evaluates the network on x ({@code [in][n][R]}, kept by reference for {@link #backward}: leave it
     * unchanged until then). Returns the output {@code [out][n][R]}, a buffer owned by the net (its first
     * out * n * R entries), valid until the next forward.
     */
    public double[] forward(double[] x, int n) {
        reserve(n);
        input = x;
        samples = n;
        double[] h = x;
        for (int l = 0; l < layers(); l++) {
            double[] y = outputs[l];
            LaneLayers.affine(params, weightOffsets[l], biasOffsets[l], sizes[l + 1], sizes[l], h, y, n, runs, single,
                    scratch);
            LaneLayers.activate(activations[l], y, sizes[l + 1] * n * runs, single);
            h = y;
        }
        return h;
    }

    /**
     * Back-propagates gradPre, dLoss/d(pre-activation of the last layer) {@code [out][n][R]} for the last
     * forward. Overwrites {@link #grad}; returns dLoss/dx {@code [in][n][R]}, a buffer owned by the net.
     */
    public double[] backward(double[] gradPre) {
        return backward(gradPre, true, true);
    }

    /** {@link #backward} for the parameter gradients only (skips dLoss/dx, which nothing reads). */
    public void backwardParameters(double[] gradPre) {
        backward(gradPre, true, false);
    }

    /**
     * {@link #backward} for dLoss/dx only, leaving {@link #grad} as it was: a G update needs D's input gradient,
     * not D's parameter gradients.
     */
    public double[] backwardInput(double[] gradPre) {
        return backward(gradPre, false, true);
    }

    private double[] backward(double[] gradPre, boolean parameters, boolean inputGradient) {
        int n = samples;
        double[] g = gradPre;
        for (int l = layers() - 1; l >= 0; l--) {
            double[] h = l == 0 ? input : outputs[l - 1];
            if (parameters) {
                LaneLayers.gradients(grad, weightOffsets[l], biasOffsets[l], sizes[l + 1], sizes[l], g, h, n, runs,
                        single, false, scratch);
            }
            if (l == 0 && !inputGradient) {
                return null;
            }
            double[] down = downs[l];
            LaneLayers.transposed(params, weightOffsets[l], sizes[l + 1], sizes[l], g, down, n, runs, single, scratch);
            if (l > 0) {
                LaneLayers.multiplyDerivative(activations[l - 1], h, down, sizes[l] * n * runs, single);
            }
            g = down;
        }
        return g;
    }

    /**
     * {@link BatchedNet#addR1Gradient} in lane form: adds to {@link #grad} the gradient of coefficient[r] times
     * the sum over the n samples of ||d logit / d x||^2 (x {@code [in][n][R]}, the logit the last layer's
     * pre-activation; coefficient per run, length R, gamma / (2 n) for a mean). Returns that penalty per run,
     * a buffer owned by the net. Uses buffers of its own, so the last forward's output stays valid.
     */
    public double[] addR1Gradient(double[] x, int n, double[] coefficient) {
        if (r1 == null) {
            r1 = new LaneR1(this);
        }
        return r1.add(x, n, coefficient);
    }

    LaneScratch scratch() {
        return scratch;
    }

    int weightOffset(int l) {
        return weightOffsets[l];
    }

    int biasOffset(int l) {
        return biasOffsets[l];
    }
}
