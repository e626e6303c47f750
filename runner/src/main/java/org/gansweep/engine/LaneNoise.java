package org.gansweep.engine;

/**
 * {@link ScaledNoise} in the Java kernels' lane form: Gaussian noise of a per-run std, drawn from each run's
 * own stream with the same (step, purpose, index) as ScaledNoise, so both kernels see the same numbers. A
 * float run gets each value rounded once, as ScaledNoise's upload of the double product to float does. Runs
 * whose std is 0 draw nothing. Immutable; thread-safe as long as callers write to their own arrays.
 */
public final class LaneNoise {
    private final RunStream[] streams;
    private final double[] std;
    private final boolean single;
    private final boolean any;

    public LaneNoise(RunStream[] streams, double[] std, Precision precision) {
        this.streams = streams.clone();
        this.std = std.clone();
        this.single = precision == Precision.FLOAT;
        boolean some = false;
        for (double s : std) {
            some |= s > 0;
        }
        this.any = some;
    }

    /** Whether some run has a positive std (else every call leaves its output zero or unchanged). */
    public boolean any() {
        return any;
    }

    /** out {@code [rows][n][R]}: run r's entry k = row * n + s is std[r] times its normal draw first + k. */
    public void samples(long step, int purpose, long first, int rows, int n, double[] out) {
        write(step, purpose, first, rows * n, out, false);
    }

    /** target {@code [rows][n][R]} += the same noise as {@link #samples} (rounded sum), as ND4J's addi. */
    public void addSamples(long step, int purpose, long first, int rows, int n, double[] target) {
        write(step, purpose, first, rows * n, target, true);
    }

    /** out {@code [P][R]} (a parameter array): entry (p, r) is std[r] times draw first + p of (step, purpose). */
    public void parameters(long step, int purpose, long first, int count, double[] out) {
        write(step, purpose, first, count, out, false);
    }

    /** target {@code [P][R]} += the same noise as {@link #parameters} (rounded sum). */
    public void addParameters(long step, int purpose, long first, int count, double[] target) {
        write(step, purpose, first, count, target, true);
    }

    private void write(long step, int purpose, long first, int count, double[] out, boolean add) {
        int runs = streams.length;
        for (int r = 0; r < runs; r++) {
            if (std[r] == 0) {
                if (!add) {
                    for (int k = 0; k < count; k++) {
                        out[k * runs + r] = 0;
                    }
                }
                continue;
            }
            long block = streams[r].block(step, purpose);
            for (int k = 0; k < count; k++) {
                double noise = LaneMath.round(single, std[r] * RunStream.normal(block, first + k));
                int at = k * runs + r;
                out[at] = add ? LaneMath.round(single, out[at] + noise) : noise;
            }
        }
    }
}
