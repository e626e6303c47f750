package org.gansweep.engine;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The copies of a generator that D judges under weight noise (the "batch inside the batch"): copy k at an
 * update is G's parameters plus fresh N(0, weight_noise^2) noise from each run's stream (draws k * P ..
 * k * P + P - 1), so D sees a perturbed G while G itself stays put. Without weight noise in any run of the
 * batch every copy is G itself, and nothing is drawn.
 */
public final class NoisyCopies {
    private final BatchedNet generator;
    private final BatchedNet perturbed;
    private final ScaledNoise noise;

    public NoisyCopies(BatchedNet generator, RunColumns columns, RunStream[] streams, int runs, DataType dataType) {
        this.generator = generator;
        boolean any = columns.any("weight_noise", v -> v > 0);
        perturbed = any ? new BatchedNet(generator.sizes, generator.activations, runs, dataType) : null;
        noise = any ? new ScaledNoise(streams, columns.values("weight_noise"), dataType) : null;
    }

    /** Copy k at this step, for a forward pass only: the generator itself when no run has weight noise. */
    public BatchedNet copy(long step, int purpose, int k) {
        if (noise == null) {
            return generator;
        }
        int count = generator.parameterCount;
        perturbed.params.assign(generator.params).addi(noise.parameters(step, purpose, (long) k * count, count));
        return perturbed;
    }
}
