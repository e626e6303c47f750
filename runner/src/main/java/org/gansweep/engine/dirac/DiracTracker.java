package org.gansweep.engine.dirac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.PlannedRun;

/**
 * Watches r = sqrt(theta^2 + psi^2), the distance to the equilibrium (0, 0), after every step: converged
 * when r < success_radius at the end (steps_to_converge is the first step after which it stays below),
 * diverged when r is non-finite or beyond diverge_bound, oscillating otherwise. Host-side bookkeeping only.
 */
final class DiracTracker {
    static final List<String> COLUMNS = List.of("step", "theta", "psi", "r");

    private final List<PlannedRun> runs;
    private final long steps;
    private final double[] radius;
    private final double[] bound;
    private final long[] lastFailure;
    private final long[] divergedAt;
    private final double[] largest;
    private final List<List<double[]>> rows = new ArrayList<>();

    DiracTracker(List<PlannedRun> runs, long steps) {
        this.runs = runs;
        this.steps = steps;
        int count = runs.size();
        radius = new double[count];
        bound = new double[count];
        lastFailure = new long[count];
        divergedAt = new long[count];
        largest = new double[count];
        for (int r = 0; r < count; r++) {
            radius[r] = runs.get(r).config().real("success_radius");
            bound[r] = runs.get(r).config().real("diverge_bound");
            divergedAt[r] = -1;
            rows.add(new ArrayList<>());
        }
    }

    boolean active(int r) {
        return divergedAt[r] < 0;
    }

    /** Checks each live run after a step; returns the runs that diverged at this step. */
    List<Integer> observe(long step, double[] theta, double[] psi) {
        List<Integer> diverged = new ArrayList<>();
        for (int r = 0; r < theta.length; r++) {
            if (!active(r)) {
                continue;
            }
            double distance = Math.hypot(theta[r], psi[r]);
            if (!Double.isFinite(distance) || distance > bound[r]) {
                divergedAt[r] = step;
                diverged.add(r);
                continue;
            }
            largest[r] = Math.max(largest[r], distance);
            if (!(distance < radius[r])) {
                lastFailure[r] = step;
            }
        }
        return diverged;
    }

    void log(int r, long step, double theta, double psi) {
        rows.get(r).add(new double[] {step, theta, psi, Math.hypot(theta, psi)});
    }

    RunResult result(int r) {
        List<double[]> trajectory = rows.get(r);
        double[] last = trajectory.get(trajectory.size() - 1);
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("theta", last[1]);
        finals.put("psi", last[2]);
        finals.put("r", last[3]);
        finals.put("r_max", largest[r]);
        Outcome outcome;
        OptionalLong converged = OptionalLong.empty();
        if (divergedAt[r] >= 0) {
            outcome = Outcome.DIVERGED;
        } else if (lastFailure[r] < steps) {
            outcome = Outcome.CONVERGED;
            converged = OptionalLong.of(lastFailure[r] + 1);
        } else {
            outcome = Outcome.OSCILLATING;
        }
        OptionalLong diverged = divergedAt[r] >= 0 ? OptionalLong.of(divergedAt[r]) : OptionalLong.empty();
        return new RunResult(runs.get(r), outcome, converged, steps, diverged, finals,
                new Trajectory(COLUMNS, trajectory));
    }
}
