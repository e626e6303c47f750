package org.gansweep.engine.gaussinit;

import org.gansweep.engine.LaneNet;
import org.gansweep.engine.LaneNoise;
import org.gansweep.engine.LaneNoisyCopies;

/**
 * What the networks of {@link GaussinitLanes} are fed at a step, assembled from {@link GaussinitLaneDraws}
 * and the tricks' {@link LaneNoise} into reused lane buffers ({@code [units][n][R]}): D's input in its update
 * (real minibatch, then the fake minibatches of G's K noisy copies, plus instance noise), G's latent draws and
 * its output as D sees it.
 */
final class GaussinitLaneInputs {
    private final GaussinitShape shape;
    private final int runs;
    private final GaussinitLaneDraws draws;
    private final LaneNet gen;
    private final LaneNoisyCopies copies;
    /** N(0, instance_noise^2) on every sample D sees; null where no run has it. */
    private final LaneNoise instanceNoise;
    private final double[] latentD;
    private final double[] latentG;
    private final double[] input;
    private final double[] fakeSeen;

    GaussinitLaneInputs(GaussinitShape shape, GaussinitLaneDraws draws, LaneNet gen, LaneNoisyCopies copies,
                        LaneNoise instanceNoise) {
        this.shape = shape;
        this.draws = draws;
        this.gen = gen;
        this.copies = copies;
        this.instanceNoise = instanceNoise.any() ? instanceNoise : null;
        runs = gen.runs;
        int batch = shape.batch();
        latentD = new double[GeneratorInit.IN * batch * runs];
        latentG = new double[GeneratorInit.IN * batch * runs];
        input = new double[GeneratorInit.OUT * batch * (1 + shape.noiseSamples()) * runs];
        fakeSeen = this.instanceNoise != null ? new double[GeneratorInit.OUT * batch * runs] : null;
    }

    /**
     * What D judges at this step, {@code [2][B (1 + K)][R]}: the real minibatch, then one fake minibatch from
     * each of the K copies of G (G plus fresh weight_noise per copy; all map the same latent draws), every
     * sample plus instance_noise. Valid until the next call.
     */
    double[] discriminatorInput(long step) {
        int batch = shape.batch();
        int k = shape.noiseSamples();
        int m = batch * (1 + k);
        draws.latent(step, GaussinitPurpose.LATENT_D, batch, 0, batch, latentD);
        draws.real(step, batch, input, m);
        double[] fake = null;
        for (int c = 0; c < k; c++) {
            LaneNet copy = copies.copy(step, GaussinitPurpose.WEIGHT_NOISE, c);
            if (c == 0 || copy != gen) {
                fake = copy.forward(latentD, batch); // without weight noise every copy is G: one pass serves all K
            }
            for (int u = 0; u < GeneratorInit.OUT; u++) {
                System.arraycopy(fake, u * batch * runs, input, (u * m + batch * (1 + c)) * runs, batch * runs);
            }
        }
        if (instanceNoise != null) {
            instanceNoise.addSamples(step, GaussinitPurpose.INSTANCE_D, 0, GeneratorInit.OUT, m, input);
        }
        return input;
    }

    /** The real samples of the last {@link #discriminatorInput}, as D saw them, into out {@code [2][B][R]}. */
    void realSeen(double[] out) {
        int batch = shape.batch();
        int m = batch * (1 + shape.noiseSamples());
        for (int u = 0; u < GeneratorInit.OUT; u++) {
            System.arraycopy(input, u * m * runs, out, u * batch * runs, batch * runs);
        }
    }

    /** The step's latent draws for G's update, {@code [3][B][R]}, valid until the next call. */
    double[] generatorLatent(long step) {
        draws.latent(step, GaussinitPurpose.LATENT_G, shape.batch(), 0, shape.batch(), latentG);
        return latentG;
    }

    /** What D judges in G's update: G's output fake {@code [2][B][R]} plus instance_noise where a run has it. */
    double[] generatorOutputSeenByD(double[] fake, long step) {
        if (fakeSeen == null) {
            return fake;
        }
        System.arraycopy(fake, 0, fakeSeen, 0, fakeSeen.length);
        instanceNoise.addSamples(step, GaussinitPurpose.INSTANCE_G, 0, GeneratorInit.OUT, shape.batch(), fakeSeen);
        return fakeSeen;
    }
}
