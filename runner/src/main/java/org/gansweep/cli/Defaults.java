package org.gansweep.cli;

import java.util.Map;
import org.gansweep.engine.Experiment;
import org.gansweep.plan.Planner;
import org.gansweep.plan.RunPlan;
import org.gansweep.spec.SpecReader;

/** An experiment's default config, read the way a sweep without "base" reads it. */
final class Defaults {
    private Defaults() {
    }

    static Map<String, Object> of(Experiment experiment) {
        String spec = "{\"name\": \"defaults\", \"experiment\": \"" + experiment.name() + "\", \"seeds\": [0]}";
        RunPlan plan = new Planner(Map.of(experiment.name(), experiment.schema()))
                .plan(SpecReader.parse("sweeps/defaults.json", spec), 1);
        return plan.runs().get(0).config().values();
    }
}
