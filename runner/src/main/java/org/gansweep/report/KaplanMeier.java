package org.gansweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Kaplan-Meier estimate of "not yet converged" over steps, so runs that never converged (censored at their
 * last step) still count: a plain median of converged runs alone would flatter a trick that fails often.
 * The median is the first step at which the estimated survival drops to 0.5 or below; empty when it
 * never does (then fewer than half the runs converged within the steps observed).
 */
public final class KaplanMeier {
    /** One run: the step it converged at (event) or the last step it was observed (censored). */
    public record Observation(double time, boolean event) {
    }

    private KaplanMeier() {
    }

    public static OptionalDouble median(List<Observation> observations) {
        List<Observation> sorted = new ArrayList<>(observations);
        // At equal times events come first: a run censored at t was still at risk at t.
        sorted.sort(Comparator.comparingDouble(Observation::time).thenComparing(o -> !o.event()));
        double survival = 1.0;
        int atRisk = sorted.size();
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int events = 0;
            int leaving = 0;
            while (i < sorted.size() && sorted.get(i).time() == time) {
                events += sorted.get(i).event() ? 1 : 0;
                leaving++;
                i++;
            }
            if (events > 0) {
                survival *= 1.0 - (double) events / atRisk;
                if (survival <= 0.5 + 1e-12) {
                    return OptionalDouble.of(time);
                }
            }
            atRisk -= leaving;
        }
        return OptionalDouble.empty();
    }
}
