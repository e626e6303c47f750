package org.gansweep.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.gansweep.engine.dirac.DiracExperiment;
import org.gansweep.engine.linear2d.Linear2dExperiment;
import org.gansweep.engine.point.PointExperiment;
import org.gansweep.plan.ParameterSchema;

/** Every experiment family gansweep can train, by name. */
public final class Experiments {
    private Experiments() {
    }

    public static Map<String, Experiment> all() {
        Map<String, Experiment> all = new LinkedHashMap<>();
        for (Experiment e : new Experiment[] {new PointExperiment(), new DiracExperiment(), new Linear2dExperiment()}) {
            all.put(e.name(), e);
        }
        return all;
    }

    /** What the planner needs: each experiment's parameter schema. */
    public static Map<String, ParameterSchema> schemas() {
        return all().values().stream().collect(Collectors.toMap(Experiment::name, Experiment::schema));
    }
}
