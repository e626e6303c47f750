package org.gansweep.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters one experiment accepts, in the order its documentation lists them, the rules that
 * relate several of them (empty for most experiments), and the parameters added after run keys were first
 * written, each with the value that reproduces the behaviour from before it existed. While a run holds
 * that value the parameter is left out of its keys, and a base config may omit it: results written before
 * it keep their keys and are not trained again. Immutable.
 */
public record ParameterSchema(String experiment, List<Parameter> parameters, List<ConfigRule> rules,
                              Map<String, Object> addedLater) {
    public ParameterSchema {
        parameters = List.copyOf(parameters);
        rules = List.copyOf(rules);
        addedLater = Map.copyOf(addedLater);
        Map<String, Parameter> seen = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException(experiment + ": parameter " + p.name() + " listed twice");
            }
        }
    }

    /** A schema whose parameters are independent of each other. */
    public ParameterSchema(String experiment, List<Parameter> parameters) {
        this(experiment, parameters, List.of(), Map.of());
    }

    public ParameterSchema(String experiment, List<Parameter> parameters, List<ConfigRule> rules) {
        this(experiment, parameters, rules, Map.of());
    }

    /**
     * A config as stored by a run from before some later parameters: with each one it lacks at the value that
     * reproduces the behaviour it ran with.
     */
    public ResolvedConfig completed(ResolvedConfig config) {
        if (config.values().keySet().containsAll(addedLater.keySet())) {
            return config;
        }
        TreeMap<String, Object> values = new TreeMap<>(config.values());
        addedLater.forEach(values::putIfAbsent);
        return new ResolvedConfig(values);
    }

    /** The config its keys are computed from: without the later parameters that hold their old behaviour. */
    public ResolvedConfig keyed(ResolvedConfig config) {
        if (addedLater.isEmpty()) {
            return config;
        }
        TreeMap<String, Object> values = new TreeMap<>(config.values());
        addedLater.forEach((name, old) -> values.remove(name, old));
        return new ResolvedConfig(values);
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
