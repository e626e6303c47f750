package org.gansweep.engine.point;

import java.util.List;
import org.gansweep.engine.RunStream;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;

/**
 * The bench's reference: the single-point GAN as a researcher would write it in plain Java, one run at a
 * time, doubles and Math.tanh, plain SGD with momentum, no tricks. Only for measuring speed; it returns
 * the final w and b so the JIT cannot drop the work, and so tests can check it trains the same model.
 */
public final class PointPlainLoop {
    private PointPlainLoop() {
    }

    /** Trains each run for its steps; returns {w, b} per run. */
    public static double[][] train(List<PlannedRun> runs) {
        double[][] out = new double[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            out[r] = trainOne(runs.get(r));
        }
        return out;
    }

    private static double[] trainOne(PlannedRun run) {
        ResolvedConfig c = run.config();
        int batch = (int) c.integer("batch_size");
        long steps = c.integer("steps");
        double lrG = c.real("lr_g");
        double lrD = c.real("lr_d");
        double mu = c.real("momentum");
        RunStream stream = new RunStream(run.seed());
        long init = stream.block(0, PointDraws.INIT);
        double[] g = {RunStream.uniform(init, 0, -1, 1), RunStream.uniform(init, 1, -1, 1)};
        double[] d = new double[PointDiscriminator.PARAMETERS];
        for (int p = 0; p < d.length; p++) {
            double bound = p < PointDiscriminator.V0 ? 1 : 1 / Math.sqrt(2);
            d[p] = RunStream.uniform(init, 2 + p, -bound, bound);
        }
        double[] gBuf = new double[2];
        double[] dBuf = new double[d.length];
        double[] gGrad = new double[2];
        double[] dGrad = new double[d.length];
        for (long step = 0; step < steps; step++) {
            java.util.Arrays.fill(dGrad, 0);
            long dBlock = stream.block(step, PointDraws.D_INPUT);
            for (int i = 0; i < 2 * batch; i++) {
                boolean fake = i < batch;
                double x = fake ? g[0] * RunStream.symmetricFloat(dBlock, i) + g[1] : 1.0;
                double h0 = Math.tanh(d[0] * x + d[2]);
                double h1 = Math.tanh(d[1] * x + d[3]);
                double p = 1 / (1 + Math.exp(-(d[4] * h0 + d[5] * h1 + d[6])));
                double gs = (p - (fake ? 0 : 1)) / (2.0 * batch);
                double gz0 = gs * d[4] * (1 - h0 * h0);
                double gz1 = gs * d[5] * (1 - h1 * h1);
                dGrad[0] += gz0 * x;
                dGrad[1] += gz1 * x;
                dGrad[2] += gz0;
                dGrad[3] += gz1;
                dGrad[4] += gs * h0;
                dGrad[5] += gs * h1;
                dGrad[6] += gs;
            }
            for (int p = 0; p < d.length; p++) {
                dBuf[p] = mu * dBuf[p] + dGrad[p];
                d[p] -= lrD * dBuf[p];
            }
            java.util.Arrays.fill(gGrad, 0);
            long gBlock = stream.block(step, PointDraws.G_INPUT);
            for (int i = 0; i < batch; i++) {
                double u = RunStream.symmetricFloat(gBlock, i);
                double y = g[0] * u + g[1];
                double h0 = Math.tanh(d[0] * y + d[2]);
                double h1 = Math.tanh(d[1] * y + d[3]);
                double p = 1 / (1 + Math.exp(-(d[4] * h0 + d[5] * h1 + d[6])));
                double gs = (p - 1) / batch;
                double gy = gs * (d[4] * (1 - h0 * h0) * d[0] + d[5] * (1 - h1 * h1) * d[1]);
                gGrad[0] += gy * u;
                gGrad[1] += gy;
            }
            for (int p = 0; p < 2; p++) {
                gBuf[p] = mu * gBuf[p] + gGrad[p];
                g[p] -= lrG * gBuf[p];
            }
        }
        return g;
    }
}
