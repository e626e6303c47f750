package org.gansweep.engine.dirac;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.RunListener;
import org.gansweep.engine.RunResult;
import org.gansweep.plan.PlannedRun;

/**
 * The training loop of both kernels: r is watched after every step (steps_to_converge and r_max are per
 * step, and reading two numbers per run costs nothing beside the step), the trajectory logged every
 * log_every steps, at the last step, and at the step a run diverged, which freezes it.
 */
final class DiracTraining {
    private static final int PROGRESS_EVERY = 25;

    private DiracTraining() {
    }

    static List<RunResult> train(DiracKernel kernel, List<PlannedRun> runs, RunListener listener) {
        DiracTracker tracker = new DiracTracker(runs, kernel.steps());
        int count = runs.size();
        double[] theta = kernel.theta();
        double[] psi = kernel.psi();
        for (int r = 0; r < count; r++) {
            tracker.log(r, 0, theta[r], psi[r]);
        }
        long steps = kernel.steps();
        long total = steps * count;
        for (long step = 1; step <= steps; step++) {
            kernel.step(step);
            theta = kernel.theta();
            psi = kernel.psi();
            List<Integer> diverged = tracker.observe(step, theta, psi);
            boolean logStep = step % kernel.logEvery() == 0 || step == steps;
            if (logStep || !diverged.isEmpty()) {
                for (int r = 0; r < count; r++) {
                    // A run that diverged now is logged whatever the stride, so its trajectory ends on what broke it.
                    if ((logStep && tracker.active(r)) || diverged.contains(r)) {
                        tracker.log(r, step, theta[r], psi[r]);
                    }
                }
            }
            diverged.forEach(kernel::freeze);
            if (step % PROGRESS_EVERY == 0 || step == steps) {
                listener.onProgress(step * count, total);
            }
        }
        List<RunResult> results = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            results.add(tracker.result(r));
        }
        return results;
    }
}
