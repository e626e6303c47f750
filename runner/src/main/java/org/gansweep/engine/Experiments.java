package org.gansweep.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.gansweep.engine.dirac.DiracExperiment;
import org.gansweep.engine.gauss1d.Gauss1dExperiment;
import org.gansweep.engine.gaussinit.GaussinitExperiment;
import org.gansweep.engine.linear2d.Linear2dExperiment;
import org.gansweep.engine.point.PointExperiment;
import org.gansweep.plan.ParameterSchema;

/** Every experiment family gansweep can train, by name. */
public final class Experiments {
    private Experiments() {
    }

    /** Every experiment on its ND4J kernel. */
    public static Map<String, Experiment> all() {
        return all(false, 1);
    }

    /**
     * Every experiment, using its Java ("fused") CPU kernel where it has one: dirac, linear2d, gauss1d and
     * gaussinit in float and double, point in float (its kernel needs the Vector API module).
     */
    public static Map<String, Experiment> all(boolean fusedCpu, int threads) {
        Map<String, Experiment> all = new LinkedHashMap<>();
        for (Experiment e : new Experiment[] {new PointExperiment(fusedCpu, threads),
                new DiracExperiment(fusedCpu, threads), new Linear2dExperiment(fusedCpu, threads),
                new Gauss1dExperiment(fusedCpu, threads), new GaussinitExperiment(fusedCpu, threads)}) {
            all.put(e.name(), e);
        }
        return all;
    }

    /** What the planner needs: each experiment's parameter schema. */
    public static Map<String, ParameterSchema> schemas() {
        return all().values().stream().collect(Collectors.toMap(Experiment::name, Experiment::schema));
    }
}
