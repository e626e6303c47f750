package org.gansweep.engine;

/**
 * {@link BatchedOptimizer}'s update rules (PyTorch's SGD, SGD with momentum, Adam with coupled L2 weight
 * decay and AdamW with decoupled decay) for the Java kernels: parameters and gradients are host arrays laid out {@code [P][R]} (entry
 * {@code p * R + r}), every hyperparameter is per run, and each run's lane is updated on its own, so a run
 * gets the same bits alone or in any batch. Float runs round every stored value (see {@link LaneMath}).
 * Holds its state arrays; not thread-safe.
 */
public final class LaneOptimizer {
    private final BatchedOptimizer.Kind kind;
    private final boolean single;
    private final int runs;
    private final double[] lr;
    private final double[] decay;
    private final double[] momentum;
    private final double[] beta1;
    private final double[] beta2;
    private final double[] eps;
    private final double[] oneMinusBeta1;
    private final double[] oneMinusBeta2;
    private final double[] first;
    private final double[] second;
    private final double[] stepSize;
    private final double[] biasCorrection2;
    /** AdamW only: the per-run factor 1 - lr * decay, rounded once. */
    private final double[] shrink;
    /** Whether Adam runs on the Vector API ({@link LaneVectorAdam}, the same bits), and its constants' patterns. */
    private boolean vector = VectorApi.available();
    private final double[] patterns;
    private final float[] floatPatterns;
    private long updates;

    /** The per-run hyperparameters, each of length R (as in the config, before any rounding). */
    public record Rows(double[] lr, double[] decay, double[] momentum, double[] beta1, double[] beta2,
                       double[] eps) {
        public Rows {
            lr = lr.clone();
            decay = decay.clone();
            momentum = momentum.clone();
            beta1 = beta1.clone();
            beta2 = beta2.clone();
            eps = eps.clone();
        }

        /** One network's rows from the usual keys: lr_NET, NET_weight_decay, momentum, adam_beta1/2, adam_eps. */
        public static Rows of(RunColumns columns, String net) {
            return new Rows(columns.values("lr_" + net), columns.values(net + "_weight_decay"),
                    columns.values("momentum"), columns.values("adam_beta1"), columns.values("adam_beta2"),
                    columns.values("adam_eps"));
        }
    }

    public LaneOptimizer(BatchedOptimizer.Kind kind, int parameterCount, Rows hyper, Precision precision) {
        this.kind = kind;
        this.single = precision == Precision.FLOAT;
        this.runs = hyper.lr().length;
        lr = rounded(hyper.lr());
        decay = rounded(hyper.decay());
        momentum = rounded(hyper.momentum());
        beta1 = rounded(hyper.beta1());
        beta2 = rounded(hyper.beta2());
        eps = rounded(hyper.eps());
        oneMinusBeta1 = new double[runs];
        oneMinusBeta2 = new double[runs];
        for (int r = 0; r < runs; r++) {
            oneMinusBeta1[r] = round(1.0 - beta1[r]);
            oneMinusBeta2[r] = round(1.0 - beta2[r]);
        }
        first = new double[parameterCount * runs];
        second = kind.adaptive() ? new double[parameterCount * runs] : new double[0];
        shrink = new double[runs];
        for (int r = 0; r < runs; r++) {
            shrink[r] = round(BatchedOptimizer.shrinkFactor(lr[r], decay[r]));
        }
        stepSize = new double[runs];
        biasCorrection2 = new double[runs];
        patterns = new double[vector ? 5 * LaneVectors.stride(runs) : 0];
        floatPatterns = new float[patterns.length];
    }

    /** Runs Adam on the scalar loop only (tests compare it with the vector one). */
    void useScalarLoop() {
        vector = false;
    }

    private double round(double x) {
        return LaneMath.round(single, x);
    }

    private double[] rounded(double[] values) {
        double[] out = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            out[r] = round(values[r]);
        }
        return out;
    }

    /** Updates params in place from grad ({@code [P][R]}); grad is overwritten (it receives the coupled decay term). */
    public void step(double[] params, double[] grad) {
        updates++;
        int length = params.length;
        for (int base = 0; base < length; base += runs) {
            for (int r = 0; r < runs; r++) {
                int i = base + r;
                if (kind.decoupled()) {
                    params[i] = round(params[i] * shrink[r]);
                } else {
                    grad[i] = round(grad[i] + round(params[i] * decay[r]));
                }
            }
        }
        switch (kind) {
            case SGD -> {
                for (int base = 0; base < length; base += runs) {
                    for (int r = 0; r < runs; r++) {
                        int i = base + r;
                        params[i] = round(params[i] - round(grad[i] * lr[r]));
                    }
                }
            }
            case SGD_MOMENTUM -> {
                // PyTorch: buf = momentum * buf + grad (buf starts as grad, the same as starting at 0).
                for (int base = 0; base < length; base += runs) {
                    for (int r = 0; r < runs; r++) {
                        int i = base + r;
                        first[i] = round(round(first[i] * momentum[r]) + grad[i]);
                        params[i] = round(params[i] - round(first[i] * lr[r]));
                    }
                }
            }
            case ADAM, ADAMW -> adam(params, grad);
            default -> throw new IllegalStateException("unknown optimizer " + kind);
        }
    }

    private void adam(double[] params, double[] grad) {
        // PyTorch: step_size = lr / (1 - b1^t); denom = sqrt(v) / sqrt(1 - b2^t) + eps. StrictMath.pow, not
        // Math.pow, whose intrinsic may differ by processor.
        for (int r = 0; r < runs; r++) {
            stepSize[r] = round(lr[r] / (1 - StrictMath.pow(beta1[r], updates)));
            biasCorrection2[r] = round(1 / Math.sqrt(1 - StrictMath.pow(beta2[r], updates)));
        }
        int length = params.length;
        int from = 0;
        if (vector) {
            // The same update on whole vectors (same bits), then the scalar loop for the last entries.
            int stride = LaneVectors.stride(runs);
            double[][] constants = {oneMinusBeta1, oneMinusBeta2, biasCorrection2, eps, stepSize};
            for (int c = 0; c < constants.length; c++) {
                LaneVectors.spread(constants[c], 0, runs, patterns, floatPatterns, c * stride, single);
            }
            from = length - length % LaneVectors.LENGTH;
            LaneVectorAdam.step(params, grad, first, second, patterns, floatPatterns, runs, from, single);
        }
        for (int i = from; i < length; i++) {
            int r = i % runs;
            double g = grad[i];
            // m = b1 m + (1 - b1) g  ==  m + (1 - b1) (g - m); likewise v with g^2.
            first[i] = round(first[i] + round(round(g - first[i]) * oneMinusBeta1[r]));
            second[i] = round(second[i] + round(round(round(g * g) - second[i]) * oneMinusBeta2[r]));
            double denom = round(round(round(Math.sqrt(second[i])) * biasCorrection2[r]) + eps[r]);
            params[i] = round(params[i] - round(round(first[i] / denom) * stepSize[r]));
        }
    }

    /** Stops one run: zero learning rate and zero state, so a frozen (diverged) run stays finite and inert. */
    public void freezeRun(int run) {
        lr[run] = 0;
        stepSize[run] = 0;
        shrink[run] = 1;
        for (int i = run; i < first.length; i += runs) {
            first[i] = 0;
        }
        for (int i = run; i < second.length; i += runs) {
            second[i] = 0;
        }
    }
}
