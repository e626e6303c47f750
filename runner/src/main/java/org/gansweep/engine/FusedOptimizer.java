package org.gansweep.engine;

/**
 * The CPU fused path's optimizer: the same PyTorch update rules and operation order as
 * {@link BatchedOptimizer}, on float arrays {@code [parameter][run]}, for a range of runs at a time so
 * threads can own disjoint chunks. Per-run hyperparameters are float arrays indexed by run.
 */
public final class FusedOptimizer {
    private final BatchedOptimizer.Kind kind;
    private final float[] lr;
    private final float[] decay;
    private final float[] momentum;
    private final float[] beta1;
    private final float[] beta2;
    private final float[] oneMinusBeta1;
    private final float[] oneMinusBeta2;
    private final float[] eps;
    private final float[][] first;
    private final float[][] second;
    /** AdamW only: the per-run factor 1 - lr * decay. */
    private final float[] shrink;
    private final long[] updates;

    public FusedOptimizer(BatchedOptimizer.Kind kind, int parameters, float[] lr, float[] decay, float[] momentum,
                          float[] beta1, float[] beta2, float[] eps) {
        this.kind = kind;
        this.lr = lr;
        this.decay = decay;
        this.momentum = momentum;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        int runs = lr.length;
        oneMinusBeta1 = new float[runs];
        oneMinusBeta2 = new float[runs];
        for (int r = 0; r < runs; r++) {
            oneMinusBeta1[r] = 1f - beta1[r];
            oneMinusBeta2[r] = 1f - beta2[r];
        }
        first = new float[parameters][runs];
        second = new float[parameters][runs];
        updates = new long[runs];
        shrink = new float[runs];
        for (int r = 0; r < runs; r++) {
            shrink[r] = (float) BatchedOptimizer.shrinkFactor(lr[r], decay[r]);
        }
    }

    /** One update of runs [from, to); grad receives the coupled decay term. */
    public void step(float[][] params, float[][] grad, int from, int to) {
        for (int r = from; r < to; r++) {
            updates[r]++;
        }
        for (int p = 0; p < params.length; p++) {
            float[] theta = params[p];
            float[] g = grad[p];
            float[] m = first[p];
            float[] v = second[p];
            if (kind.decoupled()) {
                for (int r = from; r < to; r++) {
                    theta[r] *= shrink[r];
                }
            } else {
                for (int r = from; r < to; r++) {
                    g[r] += theta[r] * decay[r];
                }
            }
            switch (kind) {
                case SGD -> {
                    for (int r = from; r < to; r++) {
                        theta[r] -= g[r] * lr[r];
                    }
                }
                case SGD_MOMENTUM -> {
                    for (int r = from; r < to; r++) {
                        m[r] = m[r] * momentum[r];
                        m[r] += g[r];
                        theta[r] -= m[r] * lr[r];
                    }
                }
                case ADAM, ADAMW -> adam(theta, g, m, v, from, to);
                default -> throw new IllegalStateException("unknown optimizer " + kind);
            }
        }
    }

    private void adam(float[] theta, float[] g, float[] m, float[] v, int from, int to) {
        for (int r = from; r < to; r++) {
            m[r] += (g[r] - m[r]) * oneMinusBeta1[r];
            float squared = g[r] * g[r];
            v[r] += (squared - v[r]) * oneMinusBeta2[r];
            double stepSize = lr[r] / (1 - Math.pow(beta1[r], updates[r]));
            double correction2 = 1 / Math.sqrt(1 - Math.pow(beta2[r], updates[r]));
            float denom = (float) Math.sqrt(v[r]) * (float) correction2 + eps[r];
            theta[r] -= (m[r] / denom) * (float) stepSize;
        }
    }

    /** Stops one run: zero learning rate and state, as {@link BatchedOptimizer#freezeRun}. */
    public void freezeRun(int run) {
        lr[run] = 0f;
        shrink[run] = 1f;
        for (int p = 0; p < first.length; p++) {
            first[p][run] = 0f;
            second[p][run] = 0f;
        }
    }
}
