package org.gansweep.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters one experiment accepts, in the order its documentation lists them, and the rules that
 * relate several of them (empty for most experiments). Immutable.
 */
public record ParameterSchema(String experiment, List<Parameter> parameters, List<ConfigRule> rules) {
    public ParameterSchema {
        parameters = List.copyOf(parameters);
        rules = List.copyOf(rules);
        Map<String, Parameter> seen = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException(experiment + ": parameter " + p.name() + " listed twice");
            }
        }
    }

    /** A schema whose parameters are independent of each other. */
    public ParameterSchema(String experiment, List<Parameter> parameters) {
        this(experiment, parameters, List.of());
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
