package org.gansweep.engine;

/**
 * {@link NoisyCopies} in lane form: copy k of a generator at an update is its parameters plus fresh
 * N(0, weight_noise^2) noise from each run's stream (draws k * P .. k * P + P - 1), the same draws as the
 * ND4J kernel, so D judges a perturbed G while G itself stays put. Without weight noise in any run every
 * copy is the generator itself and nothing is drawn. Not thread-safe (one perturbed net, reused).
 */
public final class LaneNoisyCopies {
    private final LaneNet generator;
    private final LaneNet perturbed;
    private final LaneNoise noise;

    /** weightNoise: each run's std (length R). */
    public LaneNoisyCopies(LaneNet generator, double[] weightNoise, RunStream[] streams, Precision precision) {
        this.generator = generator;
        LaneNoise candidate = new LaneNoise(streams, weightNoise, precision);
        noise = candidate.any() ? candidate : null;
        perturbed = noise == null ? null
                : new LaneNet(generator.sizes, generator.activations, generator.runs, precision);
    }

    /** Copy k at this step, for a forward pass only: the generator itself when no run has weight noise. */
    public LaneNet copy(long step, int purpose, int k) {
        if (noise == null) {
            return generator;
        }
        int count = generator.parameterCount;
        System.arraycopy(generator.params, 0, perturbed.params, 0, generator.params.length);
        noise.addParameters(step, purpose, (long) k * count, count, perturbed.params);
        return perturbed;
    }
}
