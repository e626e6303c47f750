package org.gansweep.engine;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;

/**
 * One optimizer over a {@code [P, R]} parameter matrix (P parameters of R runs), with every
 * hyperparameter per run. Follows PyTorch's update rules exactly, including coupled L2 weight decay
 * ({@code grad += decay * param}) and Adam's bias correction, so results compare with reference scripts.
 * Holds its state arrays; not thread-safe.
 */
public final class BatchedOptimizer {
    /** The update rules a config can name. */
    public enum Kind {
        SGD, SGD_MOMENTUM, ADAM,
        /** Adam with decoupled weight decay (PyTorch's AdamW): param *= 1 - lr * decay, then Adam on the raw gradient. */
        ADAMW;

        public static Kind of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /** Whether weight decay shrinks the parameters directly instead of adding to the gradient. */
        public boolean decoupled() {
            return this == ADAMW;
        }

        /** Whether the update keeps Adam's second-moment state. */
        public boolean adaptive() {
            return this == ADAM || this == ADAMW;
        }
    }

    /** AdamW's per-run shrink factor 1 - lr * decay, in double and then rounded once, as PyTorch computes it. */
    public static double shrinkFactor(double lr, double decay) {
        return 1.0 - lr * decay;
    }

    private final Kind kind;
    private final INDArray lr;
    private final INDArray decay;
    private final INDArray momentum;
    private final INDArray beta1;
    private final INDArray beta2;
    private final INDArray eps;
    private final INDArray oneMinusBeta1;
    private final INDArray oneMinusBeta2;
    private final double[] beta1Host;
    private final double[] beta2Host;
    private final INDArray first;
    private final INDArray second;
    private final INDArray scratch;
    private final INDArray denom;
    private final INDArray stepSize;
    private final INDArray biasCorrection2;
    /** AdamW only: the per-run factor 1 - lr * decay. */
    private final INDArray shrink;
    private long updates;

    /**
     * @param hyper per-run rows, each of length R: lr, decay, momentum, beta1, beta2, eps
     */
    public BatchedOptimizer(Kind kind, long parameterCount, RunRows hyper) {
        this.kind = kind;
        this.lr = hyper.lr();
        this.decay = hyper.decay();
        this.momentum = hyper.momentum();
        this.beta1 = hyper.beta1();
        this.beta2 = hyper.beta2();
        this.eps = hyper.eps();
        this.oneMinusBeta1 = beta1.rsub(1.0);
        this.oneMinusBeta2 = beta2.rsub(1.0);
        this.beta1Host = beta1.toDoubleVector();
        this.beta2Host = beta2.toDoubleVector();
        long runs = lr.length();
        this.first = Nd4j.zeros(lr.dataType(), parameterCount, runs);
        this.second = Nd4j.zeros(lr.dataType(), parameterCount, runs);
        this.scratch = Nd4j.zeros(lr.dataType(), parameterCount, runs);
        this.denom = Nd4j.zeros(lr.dataType(), parameterCount, runs);
        this.stepSize = Nd4j.zeros(lr.dataType(), runs);
        this.biasCorrection2 = Nd4j.zeros(lr.dataType(), runs);
        this.shrink = Nd4j.zeros(lr.dataType(), runs);
        if (kind.decoupled()) {
            double[] lrHost = lr.toDoubleVector();
            double[] decayHost = decay.toDoubleVector();
            double[] factor = new double[lrHost.length];
            for (int r = 0; r < factor.length; r++) {
                factor[r] = shrinkFactor(lrHost[r], decayHost[r]);
            }
            shrink.assign(Nd4j.createFromArray(factor).castTo(lr.dataType()));
        }
    }

    /** The per-run rows an optimizer reads. */
    public record RunRows(INDArray lr, INDArray decay, INDArray momentum, INDArray beta1, INDArray beta2,
                          INDArray eps) {
        /** One network's rows from the usual keys: lr_NET, NET_weight_decay, momentum, adam_beta1/2, adam_eps. */
        public static RunRows of(RunColumns columns, String net) {
            return new RunRows(columns.row("lr_" + net), columns.row(net + "_weight_decay"), columns.row("momentum"),
                    columns.row("adam_beta1"), columns.row("adam_beta2"), columns.row("adam_eps"));
        }
    }

    /** Updates params in place from grad; grad is overwritten (it receives the coupled decay term). */
    public void step(INDArray params, INDArray grad) {
        updates++;
        if (kind.decoupled()) {
            TensorOps.mulRow(params, shrink, params);
        } else {
            TensorOps.mulRow(params, decay, scratch);
            grad.addi(scratch);
        }
        switch (kind) {
            case SGD -> {
                TensorOps.mulRow(grad, lr, scratch);
                params.subi(scratch);
            }
            case SGD_MOMENTUM -> {
                // PyTorch: buf = momentum * buf + grad (buf starts as grad, the same as starting at 0).
                TensorOps.mulRow(first, momentum, first);
                first.addi(grad);
                TensorOps.mulRow(first, lr, scratch);
                params.subi(scratch);
            }
            case ADAM, ADAMW -> adam(params, grad);
            default -> throw new IllegalStateException("unknown optimizer " + kind);
        }
    }

    private void adam(INDArray params, INDArray grad) {
        // m = b1 m + (1 - b1) g  ==  m + (1 - b1) (g - m)
        TensorOps.sub(grad, first, scratch);
        TensorOps.mulRow(scratch, oneMinusBeta1, scratch);
        first.addi(scratch);
        // v = b2 v + (1 - b2) g^2  ==  v + (1 - b2) (g^2 - v)
        TensorOps.mul(grad, grad, scratch);
        scratch.subi(second);
        TensorOps.mulRow(scratch, oneMinusBeta2, scratch);
        second.addi(scratch);
        // PyTorch: step_size = lr / (1 - b1^t); denom = sqrt(v) / sqrt(1 - b2^t) + eps
        double[] size = new double[beta1Host.length];
        double[] correction2 = new double[beta2Host.length];
        double[] lrHost = lr.toDoubleVector();
        for (int r = 0; r < size.length; r++) {
            size[r] = lrHost[r] / (1 - Math.pow(beta1Host[r], updates));
            correction2[r] = 1 / Math.sqrt(1 - Math.pow(beta2Host[r], updates));
        }
        stepSize.assign(Nd4j.createFromArray(size).castTo(stepSize.dataType()));
        biasCorrection2.assign(Nd4j.createFromArray(correction2).castTo(biasCorrection2.dataType()));
        Nd4j.getExecutioner().exec(new Sqrt(second, denom));
        TensorOps.mulRow(denom, biasCorrection2, denom);
        TensorOps.addRow(denom, eps, denom);
        first.div(denom, scratch);
        TensorOps.mulRow(scratch, stepSize, scratch);
        params.subi(scratch);
    }

    /** Stops one run: zero learning rate and zero state, so a frozen (diverged) run stays finite and inert. */
    public void freezeRun(int run) {
        lr.putScalar(run, 0.0);
        shrink.putScalar(run, 1.0);
        for (INDArray state : new INDArray[] {first, second}) {
            for (long p = 0; p < state.rows(); p++) {
                state.putScalar(p, run, 0.0);
            }
        }
    }
}
