package org.gansweep.engine;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs that differ in one parameter which does not split batches train as one batch, and each must come out
 * bit for bit as it does alone: outcome, steps to converge, divergence, final metrics, every trajectory and
 * histogram row, in float and in double, on the ND4J kernel and on each experiment's Java kernel (in the
 * precisions it has one; batches of 2-3 runs, so the lane loops' tails, while LaneVectorsTest holds the
 * whole-vector loops to the same bits). The parameters and their values come from each
 * experiment's schema ({@link ParameterVariants}); a parameter is a batch-shape parameter, and skipped, when
 * its values change {@link Experiment#batchShape}. Each parameter must also change a run alone, so the check
 * cannot pass because the parameter was idle: {@link #NEEDS} switches on what it acts through.
 */
class EveryParameterBatchingTest {
    private static final long SEED = 5;

    /** A few log steps of every experiment: batch-shape parameters, the same for every run of a batch. */
    private static final Map<String, Map<String, Object>> TINY = Map.of(
            "point", Map.of("steps", 6L, "log_every", 2L, "batch_size", 8L),
            "dirac", Map.of("steps", 12L, "log_every", 3L, "noise_draws", 16L, "quadrature_nodes", 8L),
            "linear2d", Map.of("epochs", 2L, "data_points", 16L, "batch_size", 8L, "log_every", 2L),
            "gauss1d", Map.of("epochs", 6L, "d_steps", 1L, "g_steps", 1L, "minibatch", 16L, "log_every", 2L,
                    "eval_samples", 200L),
            "gaussinit", Map.of("steps", 8L, "log_every", 2L, "batch_size", 16L, "d_hidden", 4L,
                    "eval_samples", 200L, "measure_samples", 200L));

    /**
     * Other code paths of an experiment, chosen by batch-shape parameters, under which every parameter is
     * varied again: Dirac's alternating updates. (gauss1d's v2017 networks would add a quarter to the run time;
     * per-run values enter them through the same columns and optimizer as v2018's.)
     */
    private static final Map<String, List<Map<String, Object>>> PATHS = Map.of(
            "dirac", List.of(Map.of(), Map.of("update", "alternating", "d_steps", 2L)));

    private static final Map<String, Object> ADAM = Map.of("optimizer", "adam");

    /**
     * What a parameter acts through, switched on for its whole batch; "experiment.parameter" entries are for
     * one experiment, plain names for every experiment that has the parameter.
     */
    private static final Map<String, Map<String, Object>> NEEDS = Map.ofEntries(
            entry("adam_beta1", ADAM), entry("adam_beta2", ADAM), entry("adam_eps", ADAM),
            entry("momentum", Map.of("optimizer", "sgd_momentum")),
            entry("easing_one_sided", Map.of("easing", 0.2)),
            // Two noisy copies of G, so weight noise also reaches the averaging over copies.
            entry("weight_noise", Map.of("noise_samples", 2L)),
            // Dirac's weights are read only with their regularizer or loss.
            entry("dirac.r1_gamma", Map.of("reg", "r1")),
            entry("dirac.instance_noise", Map.of("reg", "instance_noise")),
            entry("dirac.consensus_reg", Map.of("reg", "consensus")),
            entry("dirac.wgan_clip", Map.of("loss", "wgan")),
            entry("dirac.gp_reg", Map.of("loss", "wgan_gp")),
            entry("dirac.gp_target", Map.of("loss", "wgan_gp")),
            // Success needs every tolerance met: the others admit everything, so this one decides.
            entry("linear2d.success_cov_tol", Map.of("success_mean_tol", 1e9)),
            entry("linear2d.success_mean_tol", Map.of("success_cov_tol", 1e9)),
            entry("gauss1d.success_mean_tol", Map.of("success_std_tol", 1e9)),
            entry("gauss1d.success_std_tol", Map.of("success_mean_tol", 1e9)),
            // Tolerances (read off these short runs, seed 5, float and double alike) under which the last
            // measurements are good and earlier ones are not, so where the hold window starts decides the
            // outcome. point: |b - 1| falls from 1.4976 to 1.4949, under 1.496 from step 5 of 6.
            entry("point.hold_fraction", Map.of("success_tol", 1.496)),
            // gauss1d: with lr_g 0.3, |mean - 4| falls from 4.3224 to 4.3128, under 4.315 at epoch 6 only.
            entry("gauss1d.hold_fraction", Map.of("lr_g", 0.3, "success_mean_tol", 4.315, "success_std_tol", 1e9)),
            // gaussinit: Xavier's worst relative error is 1.34, 1.30, 1.41, 1.38, 1.30 at steps 0 to 8.
            entry("gaussinit.hold_fraction", Map.of("init", "xavier", "success_tol", 1.32)));

    /** Results of runs trained alone, by run and precision: a batch's default-valued run recurs often. */
    private static final Map<String, RunResult> ALONE = new HashMap<>();

    private static int[] threadsBefore;

    /**
     * One ND4J thread, as `run` uses for batches under 1024 runs: on a busy 2-core machine OpenMP's second
     * thread made these tiny runs about ten times slower. Restored afterwards for the other test classes.
     */
    @BeforeAll
    static void oneNd4jThread() {
        threadsBefore = new int[] {Nd4j.getEnvironment().maxThreads(), Nd4j.getEnvironment().maxMasterThreads(),
            NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()};
        setThreads(1, 1, 1);
    }

    @AfterAll
    static void threadsAsBefore() {
        setThreads(threadsBefore[0], threadsBefore[1], threadsBefore[2]);
    }

    private static void setThreads(int max, int master, int omp) {
        Nd4j.getEnvironment().setMaxThreads(max);
        Nd4j.getEnvironment().setMaxMasterThreads(master);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
    }

    @TestFactory
    Stream<DynamicContainer> runsDifferingInOneParameterEqualThemselvesTrainedAloneBitForBit() {
        return Stream.of(Experiments.all(), Experiments.all(true, 1)).flatMap(kernels -> kernels.values().stream())
                .flatMap(experiment -> PATHS.getOrDefault(experiment.name(), List.of(Map.of())).stream()
                        .map(path -> DynamicContainer.dynamicContainer(label(experiment, path), experiment.schema()
                                .parameters().stream()
                                .flatMap(parameter -> variation(experiment, path, parameter).stream()))));
    }

    private static String label(Experiment experiment, Map<String, Object> path) {
        return experiment.name() + " (" + kernelOf(experiment) + ")" + (path.isEmpty() ? "" : " " + new TreeMap<>(path));
    }

    /** The experiment's kernel in float: a Java kernel runs in every precision it has one, else ND4J's. */
    private static String kernelOf(Experiment experiment) {
        return experiment.kernel(Precision.FLOAT);
    }

    /** The precisions this experiment object trains on the kernel it stands for (the Java kernel's, or all). */
    private static List<Precision> precisions(Experiment experiment) {
        return Stream.of(Precision.values()).filter(p -> experiment.kernel(p).equals(kernelOf(experiment))).toList();
    }

    /** The test of one parameter on one code path, or none for a batch-shape parameter. */
    private static Optional<DynamicTest> variation(Experiment experiment, Map<String, Object> path,
                                                   Parameter parameter) {
        String name = experiment.name();
        assertTrue(TINY.containsKey(name), name + " needs a short run in TINY");
        Map<String, Object> base = new HashMap<>(TINY.get(name));
        base.putAll(path);
        base.putAll(NEEDS.getOrDefault(parameter.name(), Map.of()));
        base.putAll(NEEDS.getOrDefault(name + "." + parameter.name(), Map.of()));
        ResolvedConfig baseConfig = ConfigRuns.of(name, SEED, base).config();
        String shape = experiment.batchShape(baseConfig);
        List<PlannedRun> runs = new ArrayList<>();
        for (Object value : ParameterVariants.of(parameter, baseConfig.value(parameter.name()))) {
            Map<String, Object> overrides = new HashMap<>(base);
            overrides.put(parameter.name(), value);
            PlannedRun run = ConfigRuns.of(name, SEED, overrides);
            if (!experiment.batchShape(run.config()).equals(shape)) {
                return Optional.empty();
            }
            if (experiment.schema().rules().stream().allMatch(rule -> rule.violation(run.config()).isEmpty())) {
                runs.add(run);
            }
        }
        List<Object> values = runs.stream().map(r -> r.config().value(parameter.name())).toList();
        String what = label(experiment, path) + " " + parameter.name() + " " + values;
        return Optional.of(DynamicTest.dynamicTest(parameter.name() + " " + values
                + ": each run of the batch is the run alone, in each precision", () -> {
                    assertTrue(runs.size() >= 2, what + ": fewer than two values to vary");
                    assertAll(precisions(experiment).stream()
                            .map(p -> (Executable) () -> check(experiment, runs, p, what + " " + p.label())));
                }));
    }

    private static void check(Experiment experiment, List<PlannedRun> runs, Precision precision, String what) {
        List<RunResult> batched = experiment.train(runs, precision, RunListener.NONE);
        assertEquals(runs.size(), batched.size());
        List<RunResult> alone = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            PlannedRun run = runs.get(i);
            alone.add(ALONE.computeIfAbsent(run.key() + "/" + precision + "/" + kernelOf(experiment),
                    k -> experiment.train(List.of(run), precision, RunListener.NONE).get(0)));
            RunResultBits.assertSame(alone.get(i), batched.get(i), what + ", run " + i);
        }
        boolean changes = alone.stream().skip(1).anyMatch(result -> !RunResultBits.same(alone.get(0), result));
        assertTrue(changes, what + ": the values changed nothing in a run alone; switch on what the parameter "
                + "acts through in NEEDS");
    }
}
