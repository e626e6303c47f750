package org.gansweep.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters one experiment accepts, in the order its documentation lists them. Immutable. */
public record ParameterSchema(String experiment, List<Parameter> parameters) {
    public ParameterSchema {
        parameters = List.copyOf(parameters);
        Map<String, Parameter> seen = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException(experiment + ": parameter " + p.name() + " listed twice");
            }
        }
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
