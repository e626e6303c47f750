package org.gansweep.engine.dirac;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gansweep.engine.ConfigRuns;
import org.gansweep.engine.Precision;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Both kernels of the Dirac-GAN for tests that check a fact of the model on each, and run builders. */
final class DiracKernels {
    static final DiracExperiment ND4J = new DiracExperiment();
    static final DiracExperiment FUSED = new DiracExperiment(true, 1);

    private DiracKernels() {
    }

    /** For {@code @MethodSource("org.gansweep.engine.dirac.DiracKernels#both")}. */
    static Stream<Named<DiracExperiment>> both() {
        return Stream.of(Named.of("nd4j", ND4J), Named.of("fused", FUSED));
    }

    /** Each kernel in each precision. */
    static Stream<Arguments> bothInEachPrecision() {
        return both().flatMap(kernel -> Stream.of(Precision.values()).map(p -> Arguments.of(kernel, p)));
    }

    /** A run of configs/dirac.json with overrides given as name, value pairs. */
    static PlannedRun run(long seed, Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return ConfigRuns.of("dirac", seed, config);
    }

    static List<RunResult> train(DiracExperiment kernel, List<PlannedRun> runs, Precision precision) {
        return kernel.train(runs, precision, RunListener.NONE);
    }
}
