package org.gansweep.engine.gauss1d;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.gansweep.engine.BatchedNet;
import org.gansweep.engine.FiniteDifferences;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written backward passes (batched layers, both activation sets, the moment features and the
 * squared deviations with the source's detached mean) against central finite differences, in double, for
 * the two losses of an epoch: D's weighted BCE on a real and a fake minibatch, and G's -log D(G(u)).
 */
class Gauss1dGradientTest {
    private static final int RUNS = 2;
    private static final int N = 6;

    private record Setup(BatchedNet gen, BatchedNet disc, Features features, INDArray noise, INDArray real) {
    }

    private static Setup setup(String variant) {
        Nd4j.getRandom().setSeed(42);
        Features features = Features.of(variant);
        BatchedNet gen = Gauss1dNets.generator(variant, RUNS, DataType.DOUBLE);
        BatchedNet disc = Gauss1dNets.discriminator(variant, features.size(N), RUNS, DataType.DOUBLE);
        gen.params.assign(Nd4j.rand(DataType.DOUBLE, gen.parameterCount, RUNS).subi(0.5).muli(1.2));
        disc.params.assign(Nd4j.rand(DataType.DOUBLE, disc.parameterCount, RUNS).subi(0.5).muli(0.8));
        INDArray noise = Nd4j.rand(DataType.DOUBLE, RUNS, 1, N);
        INDArray real = Nd4j.randn(DataType.DOUBLE, RUNS, 1, N).muli(1.25).addi(4.0);
        return new Setup(gen, disc, features, noise, real);
    }

    /**
     * G's loss summed over runs: -log D(features(G(u))). For v2017 the minibatch mean inside the features is
     * held at {@code fixedMean}, as the source's {@code data.data} keeps it out of the gradient.
     */
    private static double generatorLoss(Setup s, INDArray fixedMean) {
        INDArray x = s.gen().forward(s.noise());
        INDArray features = fixedMean == null ? s.features().forward(x)
                : ((SquaredDeviations) s.features()).forwardAround(x, fixedMean);
        INDArray p = s.disc().forward(features);
        double loss = 0;
        for (double v : p.dup().data().asDouble()) {
            loss -= Math.log(v);
        }
        return loss;
    }

    /** D's loss summed over runs, with the weights and eased real target the engine uses. */
    private static double discriminatorLoss(Setup s, double target, double realWeight, double fakeWeight) {
        INDArray fake = s.gen().forward(s.noise()).dup();
        INDArray input = Nd4j.concat(2, s.features().forward(s.real()), s.features().forward(fake));
        double[] p = s.disc().forward(input).dup().data().asDouble();
        double loss = 0;
        for (int r = 0; r < RUNS; r++) {
            double pr = p[2 * r];
            double pf = p[2 * r + 1];
            loss -= realWeight * (target * Math.log(pr) + (1 - target) * Math.log(1 - pr));
            loss -= fakeWeight * Math.log(1 - pf);
        }
        return loss;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2018", "v2017"})
    void generatorGradientThroughDAndTheFeaturesMatchesFiniteDifferences(String variant) {
        Setup s = setup(variant);
        INDArray x = s.gen().forward(s.noise()).dup();
        INDArray fixedMean = variant.equals("v2017") ? x.mean(true, 2) : null;
        INDArray p = s.disc().forward(s.features().forward(x));
        INDArray gradX = s.features().backward(s.disc().backward(p.sub(1.0)));
        s.gen().forward(s.noise());
        s.gen().backward(gradX);
        INDArray analytic = s.gen().grad.dup();
        FiniteDifferences.assertGradient(s.gen().params, analytic, () -> generatorLoss(s, fixedMean),
                FiniteDifferences.evenSample(s.gen().params, 150), 1e-6, variant + " G");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2018", "v2017"})
    void discriminatorGradientWithEasingAndWeightsMatchesFiniteDifferences(String variant) {
        Setup s = setup(variant);
        double target = 0.9;
        double realWeight = 0.7;
        double fakeWeight = 1.3;
        INDArray fake = s.gen().forward(s.noise()).dup();
        INDArray input = Nd4j.concat(2, s.features().forward(s.real()), s.features().forward(fake));
        INDArray out = s.disc().forward(input);
        INDArray grad = out.dup();
        for (int r = 0; r < RUNS; r++) {
            grad.putScalar(new long[] {r, 0, 0}, realWeight * (out.getDouble(r, 0, 0) - target));
            grad.putScalar(new long[] {r, 0, 1}, fakeWeight * out.getDouble(r, 0, 1));
        }
        s.disc().backward(grad);
        INDArray analytic = s.disc().grad.dup();
        FiniteDifferences.assertGradient(s.disc().params, analytic,
                () -> discriminatorLoss(s, target, realWeight, fakeWeight),
                FiniteDifferences.evenSample(s.disc().params, 150), 1e-6, variant + " D");
    }
}
