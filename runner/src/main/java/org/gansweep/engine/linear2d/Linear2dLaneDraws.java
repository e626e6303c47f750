package org.gansweep.engine.linear2d;

import static org.gansweep.engine.linear2d.Linear2dBatch.G_PARAMETERS;

import org.gansweep.engine.RunStream;

/**
 * The fused kernel's random numbers, drawn exactly as {@link Linear2dBatch} draws them (the same RunStream
 * block, purpose and index) and rounded where the ND4J kernel stores them in its dtype, so both kernels
 * start from the same bits and see the same noise. Runs whose noise scale is 0 draw nothing.
 */
final class Linear2dLaneDraws {
    private final RunStream[] streams;
    private final Linear2dLanes lanes;
    /** Instance noise's std as the batch's dtype holds it (the ND4J kernel multiplies by a dtype row). */
    private final double[] instanceNoise;
    /** Weight noise's std as given: the ND4J kernel scales its draws in double, then stores them. */
    private final double[] weightNoise;

    Linear2dLaneDraws(RunStream[] streams, double[] instanceNoise, double[] weightNoise, Linear2dLanes lanes) {
        this.streams = streams.clone();
        this.lanes = lanes;
        this.instanceNoise = new double[streams.length];
        for (int r = 0; r < streams.length; r++) {
            this.instanceNoise[r] = lanes.round(instanceNoise[r]);
        }
        this.weightNoise = weightNoise.clone();
    }

    /** d2l: nn.init.normal_(w, 0, 0.02) on every parameter of both nets, biases included. */
    void initialize(double[] std, double[] gen, double[] disc) {
        int runs = streams.length;
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(0, Linear2dBatch.DRAW_INIT);
            for (int p = 0; p < G_PARAMETERS; p++) {
                gen[p * runs + r] = lanes.round(std[r] * RunStream.normal(block, p));
            }
            for (int p = 0; p < Linear2dDiscriminator.PARAMETERS; p++) {
                disc[p * runs + r] = lanes.round(std[r] * RunStream.normal(block, G_PARAMETERS + p));
            }
        }
    }

    /** The step's latent draw z ~ N(0, I2) per row, into a [2][B][R] array. */
    void latent(long step, int batch, double[] out) {
        int runs = streams.length;
        int plane = batch * runs;
        for (int r = 0; r < runs; r++) {
            long block = streams[r].block(step, Linear2dBatch.DRAW_LATENT);
            for (int b = 0; b < batch; b++) {
                out[b * runs + r] = lanes.round(RunStream.normal(block, 2L * b));
                out[plane + b * runs + r] = lanes.round(RunStream.normal(block, 2L * b + 1));
            }
        }
    }

    /** Copy k of G: its parameters plus N(0, weight_noise^2) noise (draws k * 6 .. k * 6 + 5), or G itself. */
    void perturb(long step, int k, double[] gen, double[] out) {
        int runs = streams.length;
        System.arraycopy(gen, 0, out, 0, gen.length);
        for (int r = 0; r < runs; r++) {
            if (weightNoise[r] > 0) {
                long block = streams[r].block(step, Linear2dBatch.DRAW_WEIGHT_NOISE);
                for (int p = 0; p < G_PARAMETERS; p++) {
                    double noise = lanes.round(weightNoise[r] * RunStream.normal(block, (long) k * G_PARAMETERS + p));
                    out[p * runs + r] = lanes.round(gen[p * runs + r] + noise);
                }
            }
        }
    }

    /** Adds sigma * N(0, 1) to both coordinates of every row of a pass's input (two draws per row). */
    void addInstanceNoise(Linear2dLaneDiscriminator pass, long step, int purpose) {
        int runs = streams.length;
        int samples = pass.samples;
        for (int r = 0; r < runs; r++) {
            if (instanceNoise[r] > 0) {
                long block = streams[r].block(step, purpose);
                for (int i = 0; i < samples; i++) {
                    for (int c = 0; c < 2; c++) {
                        double scaled = lanes.round(lanes.round(RunStream.normal(block, 2L * i + c)) * instanceNoise[r]);
                        int at = (c * samples + i) * runs + r;
                        pass.input[at] = lanes.round(pass.input[at] + scaled);
                    }
                }
            }
        }
    }
}
