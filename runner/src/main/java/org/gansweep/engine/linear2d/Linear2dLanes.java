package org.gansweep.engine.linear2d;

import org.gansweep.engine.LaneMath;

/**
 * The elementary passes of the fused kernel over R runs, on host arrays with the runs innermost: a
 * parameter matrix is {@code [P][R]} (entry {@code p * R + r}), activations {@code [units][M][R]} (entry
 * {@code (u * M + s) * R + r}). Every loop's innermost index is the run, so runs never mix and the JIT can
 * vectorize; sums over units or samples go in a fixed order (0, 1, 2, ...) within each run's lane. In float
 * every elementary result is rounded to float ({@link LaneMath#round}), which for + - * / is float arithmetic.
 * Holds one lane of scratch; not thread-safe.
 */
final class Linear2dLanes {
    final boolean single;
    final int runs;
    private final double[] sum;

    Linear2dLanes(boolean single, int runs) {
        this.single = single;
        this.runs = runs;
        this.sum = new double[runs];
    }

    double round(double x) {
        return LaneMath.round(single, x);
    }

    /**
     * A linear map without bias, M samples at a time: out[o][s] = sum over i of p[row(o, i)] * in[i][s], with
     * row(o, i) = first + o * outStride + i * inStride; the products and partial sums rounded, i in order.
     */
    void linear(double[] p, int first, int outStride, int inStride, double[] in, int inUnits, double[] out,
                int outUnits, int samples) {
        int runs = this.runs;
        for (int o = 0; o < outUnits; o++) {
            for (int i = 0; i < inUnits; i++) {
                int w = (first + o * outStride + i * inStride) * runs;
                for (int s = 0; s < samples; s++) {
                    int x = (i * samples + s) * runs;
                    int y = (o * samples + s) * runs;
                    if (i == 0) {
                        for (int r = 0; r < runs; r++) {
                            out[y + r] = round(p[w + r] * in[x + r]);
                        }
                    } else {
                        for (int r = 0; r < runs; r++) {
                            out[y + r] = round(out[y + r] + round(p[w + r] * in[x + r]));
                        }
                    }
                }
            }
        }
    }

    /** pre[u][s] = pre[u][s] + p[bias + u], then tanh when squash (a hidden layer), else left linear (the logit). */
    void addBias(double[] pre, double[] p, int bias, int units, int samples, boolean squash) {
        int runs = this.runs;
        for (int u = 0; u < units; u++) {
            int b = (bias + u) * runs;
            for (int s = 0; s < samples; s++) {
                int y = (u * samples + s) * runs;
                for (int r = 0; r < runs; r++) {
                    double a = round(pre[y + r] + p[b + r]);
                    pre[y + r] = squash ? round(LaneMath.tanh(a)) : a;
                }
            }
        }
    }

    /** out[u][s] = p[first + u] * a[u * aUnitStride + s]: a parameter per unit times a vector (aUnitStride 0: one). */
    void timesParameters(double[] p, int first, double[] a, int aUnitStride, double[] out, int units, int samples) {
        int runs = this.runs;
        for (int u = 0; u < units; u++) {
            int w = (first + u) * runs;
            for (int s = 0; s < samples; s++) {
                int x = (u * aUnitStride + s) * runs;
                int y = (u * samples + s) * runs;
                for (int r = 0; r < runs; r++) {
                    out[y + r] = round(p[w + r] * a[x + r]);
                }
            }
        }
    }

    /** out[j] = a[j] * b[j] over the first count * R entries (count: units times samples). */
    void multiply(double[] a, double[] b, double[] out, int count) {
        int length = count * runs;
        for (int j = 0; j < length; j++) {
            out[j] = round(a[j] * b[j]);
        }
    }

    /** out[j] = a[j] * (lane scalar) c[r] * factor, rounded after each product. */
    void scale(double[] a, double[] c, double factor, double[] out, int count) {
        int runs = this.runs;
        for (int base = 0; base < count * runs; base += runs) {
            for (int r = 0; r < runs; r++) {
                out[base + r] = round(round(a[base + r] * c[r]) * factor);
            }
        }
    }

    /** out[j] = a[j] + b[j]. */
    void add(double[] a, double[] b, double[] out, int count) {
        int length = count * runs;
        for (int j = 0; j < length; j++) {
            out[j] = round(a[j] + b[j]);
        }
    }

    /** tanh' from tanh's output y: out = 1 - y^2. */
    void tanhDerivative(double[] y, double[] out, int count) {
        int length = count * runs;
        for (int j = 0; j < length; j++) {
            out[j] = round(1.0 - round(y[j] * y[j]));
        }
    }

    /** g = g * tanh'(x) in place, with tanh' = 1 - y^2 from tanh's output y (a backward step through tanh). */
    void timesTanhDerivative(double[] g, double[] y, int count) {
        int length = count * runs;
        for (int j = 0; j < length; j++) {
            g[j] = round(g[j] * round(1.0 - round(y[j] * y[j])));
        }
    }

    /** tanh'' from y and tanh' = 1 - y^2: out = -2 y (1 - y^2). */
    void tanhSecondDerivative(double[] y, double[] derivative, double[] out, int count) {
        int length = count * runs;
        for (int j = 0; j < length; j++) {
            out[j] = round(round(derivative[j] * y[j]) * -2.0);
        }
    }

    /**
     * into[row] (set, or added to when add) = sum over s of a[aUnit][s] * b[bUnit][s] (or of a alone when b is
     * null), samples in order; a and b are [units][samples][R] arrays, into a [P][R] matrix.
     */
    void sumOverSamples(double[] a, int aUnit, double[] b, int bUnit, int samples, double[] into, int row,
                        boolean add) {
        int runs = this.runs;
        // A sum that is added to the row is formed on its own first, as the ND4J kernel adds a finished sum.
        double[] acc = add ? sum : into;
        int at = add ? 0 : row * runs;
        for (int r = 0; r < runs; r++) {
            acc[at + r] = 0.0;
        }
        for (int s = 0; s < samples; s++) {
            int x = (aUnit * samples + s) * runs;
            if (b == null) {
                for (int r = 0; r < runs; r++) {
                    acc[at + r] = round(acc[at + r] + a[x + r]);
                }
            } else {
                int y = (bUnit * samples + s) * runs;
                for (int r = 0; r < runs; r++) {
                    acc[at + r] = round(acc[at + r] + round(a[x + r] * b[y + r]));
                }
            }
        }
        if (add) {
            int to = row * runs;
            for (int r = 0; r < runs; r++) {
                into[to + r] = round(into[to + r] + sum[r]);
            }
        }
    }
}
