package org.gansweep.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper configuration. Output is canonical (sorted keys, fixed indentation) so that files
 * written twice from the same values are byte-identical, which resume and run keys depend on.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            // Shortest round-trip doubles, the same on every JDK (Double.toString changed in JDK 19), so run
            // keys hashed from canonical JSON do not change with the JVM.
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Pretty, key-sorted mapper for files people read. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A parse error as one line, {@code line L, column C: malformed JSON: reason}, without the source
     * excerpt Jackson appends (it spans lines and repeats the input).
     */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        // Jackson names the Java setting behind a limit (", from `StreamReadConstraints...`"): not a user's words.
        String reason = e.getOriginalMessage().split("\n")[0].split(" \\(start marker")[0]
                .replaceAll(", from `[^`]*`", "");
        if (reason.startsWith("Trailing token")) {
            reason = "a second JSON value after the first; the file holds one JSON object";
        }
        return where + "malformed JSON: " + reason;
    }

    /** Single-line, key-sorted mapper for hashing canonical forms. */
    public static ObjectMapper compact() {
        return COMPACT;
    }
}
