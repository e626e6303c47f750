package org.gansweep.engine.dirac;

import static org.gansweep.engine.TensorOps.addRow;
import static org.gansweep.engine.TensorOps.mul;
import static org.gansweep.engine.TensorOps.mulRow;
import static org.gansweep.engine.TensorOps.sigmoid;
import static org.gansweep.engine.TensorOps.sumRows;

import org.gansweep.engine.RunColumns;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Dirac-GAN's vector fields (Mescheder et al. 2018, their reference notebook), evaluated for R runs at
 * once on length-R rows. L = f(psi theta) + f(0) with f(t) = -log(1 + exp(-t)), so f'(t) = sigmoid(-t) and
 * f''(t) = -sigmoid(t) sigmoid(-t); theta descends, psi ascends, and (v1, v2) is the direction of the
 * update (theta += h v1, psi += h v2). Which field is fixed per batch; its weights (gamma, sigma, ...) are
 * per-run rows.
 */
final class DiracField {
    private final String loss;
    private final String reg;
    private final INDArray r1Gamma;
    private final INDArray gpReg;
    private final INDArray gpTarget;
    private final INDArray sigma;
    private final INDArray consensusReg;
    private final INDArray a;
    private final INDArray s;
    private final INDArray t1;
    private final INDArray t2;
    private final INDArray t3;
    private final INDArray t4;
    private final DiracNoise noise;
    private final INDArray noisyTheta;
    private final INDArray noisyReal;
    private final INDArray d1;
    private final INDArray d2;

    DiracField(String loss, String reg, RunColumns columns, int runs, DiracNoise noise, DataType dataType) {
        this.loss = loss;
        this.reg = reg;
        this.noise = noise;
        r1Gamma = columns.row("r1_gamma");
        gpReg = columns.row("gp_reg");
        gpTarget = columns.row("gp_target");
        sigma = columns.row("instance_noise");
        consensusReg = columns.row("consensus_reg");
        a = Nd4j.zeros(dataType, runs);
        s = Nd4j.zeros(dataType, runs);
        t1 = Nd4j.zeros(dataType, runs);
        t2 = Nd4j.zeros(dataType, runs);
        t3 = Nd4j.zeros(dataType, runs);
        t4 = Nd4j.zeros(dataType, runs);
        long rows = noise == null ? 1 : noise.rows;
        noisyTheta = Nd4j.zeros(dataType, rows, runs);
        noisyReal = Nd4j.zeros(dataType, rows, runs);
        d1 = Nd4j.zeros(dataType, rows, runs);
        d2 = Nd4j.zeros(dataType, rows, runs);
    }

    /** Writes the field at (theta, psi) into v1, v2; evaluation numbers the run's field evaluations (noise draws). */
    void evaluate(INDArray theta, INDArray psi, INDArray v1, INDArray v2, long evaluation) {
        if (reg.equals(DiracSchema.INSTANCE_NOISE)) {
            instanceNoise(theta, psi, v1, v2, evaluation);
            return;
        }
        switch (loss) {
            case DiracSchema.GAN, DiracSchema.NSGAN -> gan(theta, psi, v1, v2);
            case DiracSchema.WGAN -> wgan(theta, psi, v1, v2);
            case DiracSchema.WGAN_GP -> wganGp(theta, psi, v1, v2);
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
        if (reg.equals(DiracSchema.R1)) {
            // R1 on the real point x = 0: gamma/2 * (dD/dx)^2 = gamma/2 * psi^2, so psi's ascent loses gamma psi.
            mul(r1Gamma, psi, t1);
            v2.subi(t1);
        } else if (reg.equals(DiracSchema.CONSENSUS)) {
            consensus(theta, psi, v1, v2);
        }
    }

    /** GAN: v1 = -psi f'(psi theta), v2 = theta f'(psi theta); NSGAN: v1 = -psi f'(-psi theta). Leaves s = f'(a). */
    private void gan(INDArray theta, INDArray psi, INDArray v1, INDArray v2) {
        mul(psi, theta, a);
        t1.assign(a).negi();
        sigmoid(t1, s);
        if (loss.equals(DiracSchema.NSGAN)) {
            sigmoid(a, t1);
            mul(psi, t1, v1);
        } else {
            mul(psi, s, v1);
        }
        v1.negi();
        mul(theta, s, v2);
    }

    private static void wgan(INDArray theta, INDArray psi, INDArray v1, INDArray v2) {
        v1.assign(psi).negi();
        v2.assign(theta);
    }

    /** v2 = theta - reg (|psi| - target) sign(psi). */
    private void wganGp(INDArray theta, INDArray psi, INDArray v1, INDArray v2) {
        wgan(theta, psi, v1, v2);
        t1.assign(psi);
        Transforms.abs(t1, false).subi(gpTarget);
        t2.assign(psi);
        Transforms.sign(t2, false);
        t1.muli(t2).muli(gpReg);
        v2.subi(t1);
    }

    /**
     * Exactly the reference notebook's term, with s = f'(a), s2 = f''(a), q = psi^2 + theta^2:
     * v1 -= reg (theta s^2 + 0.5 psi q s s2), v2 -= reg (psi s^2 + 0.5 theta q s s2). (The exact gradient of
     * 0.5 |v|^2 would have q s s2 without the 0.5; we keep the notebook's field, as the paper's figure used it.)
     */
    private void consensus(INDArray theta, INDArray psi, INDArray v1, INDArray v2) {
        // t1 = 0.5 q s s2, with s2 = -sigmoid(a) sigmoid(-a) = -sigmoid(a) s
        sigmoid(a, t1);
        t1.muli(s).negi().muli(s).muli(0.5);
        mul(psi, psi, t2);
        mul(theta, theta, t3);
        t2.addi(t3);
        t1.muli(t2);
        // t3 = s^2
        mul(s, s, t3);
        consensusTerm(v1, theta, psi);
        consensusTerm(v2, psi, theta);
    }

    /** v -= reg (own s^2 + other 0.5 q s s2), with s^2 in t3 and 0.5 q s s2 in t1. */
    private void consensusTerm(INDArray v, INDArray own, INDArray other) {
        mul(own, t3, t2);
        mul(other, t1, t4);
        t2.addi(t4).muli(consensusReg);
        v.subi(t2);
    }

    /**
     * The GAN field averaged over theta_e = theta + sigma n1 and x_e = sigma n2:
     * v1 = E[-psi f'(psi theta_e)], v2 = E[theta_e f'(psi theta_e)] - E[x_e f'(-x_e psi)].
     */
    private void instanceNoise(INDArray theta, INDArray psi, INDArray v1, INDArray v2, long evaluation) {
        noise.prepare(evaluation);
        mulRow(noise.n1, sigma, noisyTheta);
        addRow(noisyTheta, theta, noisyTheta);
        mulRow(noisyTheta, psi, d1);
        d1.negi();
        sigmoid(d1, d1);
        d1.muli(noise.weights);
        sumRows(d1, t1);
        mul(psi, t1, v1);
        v1.negi();
        d1.muli(noisyTheta);
        sumRows(d1, v2);
        // f'(-x_e psi) = sigmoid(x_e psi)
        mulRow(noise.n2, sigma, noisyReal);
        mulRow(noisyReal, psi, d2);
        sigmoid(d2, d2);
        d2.muli(noisyReal).muli(noise.weights);
        sumRows(d2, t1);
        v2.subi(t1);
    }
}
