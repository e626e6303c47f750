package org.gansweep.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;

/** Checks one value against the experiment's schema, with the message naming file, path and rule. */
final class Values {
    private final String file;
    private final ParameterSchema schema;

    Values(String file, ParameterSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    /** The parameter, or an error at the path that names it. */
    Parameter require(String name, String path) {
        return schema.parameter(name).orElseThrow(() -> new PlanException(file + ": " + path
                + ": unknown parameter for experiment " + schema.experiment() + "; allowed: "
                + String.join(", ", new TreeSet<>(schema.names()))));
    }

    Object normalize(String name, Object value, String path) {
        Parameter parameter = require(name, path.replaceAll("\\[\\d+]$", ""));
        return parameter.normalize(value).orElseThrow(() -> new PlanException(file + ": " + path + ": expected "
                + parameter.rule() + ", got " + show(value)));
    }

    static Object seed(Object value, String path, String file) {
        if (value instanceof Long seed && seed >= 0) {
            return seed;
        }
        throw new PlanException(file + ": " + path + ": expected a non-negative integer seed, got " + show(value));
    }

    static Object scalar(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
