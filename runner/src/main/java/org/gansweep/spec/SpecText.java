package org.gansweep.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON scalars out of a spec, and how values are shown in error messages. */
final class SpecText {
    private static final int SHOWN = 60;

    private SpecText() {
    }

    /** A JSON scalar as Long, Double, Boolean or String. */
    static Object scalar(JsonNode node, String path, String file) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new SpecException(file, path, "expected a number, string or boolean, got " + show(node));
    }

    /** Short JSON text of a value for messages. */
    static String show(JsonNode node) {
        String text = node.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
