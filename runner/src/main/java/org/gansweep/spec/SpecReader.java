package org.gansweep.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gansweep.internal.Json;

/** Reads a sweep spec file into a {@link SweepSpec}, failing on the first problem with its JSON path. */
public final class SpecReader {
    static final List<String> KEYS = List.of("name", "experiment", "base", "description", "set", "grid", "zip",
            "seeds", "exclude",
            "compare_to");
    private static final Set<String> REQUIRED = Set.of("name", "experiment", "seeds");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final long MAX_SEEDS = 1_000_000;

    private SpecReader() {
    }

    public static SweepSpec read(Path path) {
        String file = path.toString();
        String kind = InputFiles.problem(path, "a sweep spec");
        if (kind != null) {
            throw new SpecException(file, "", "cannot read: " + kind);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file, "", "cannot read: no such file");
        } catch (CharacterCodingException e) {
            throw new SpecException(file, "", "cannot read: not UTF-8 text; a sweep spec is a UTF-8 JSON file");
        } catch (IOException e) {
            throw new SpecException(file, "", "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static SweepSpec parse(String file, String text) {
        JsonNode root = tree(file, text);
        if (!root.isObject()) {
            throw new SpecException(file, "", "expected a JSON object, got " + SpecText.show(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new SpecException(file, key, "unknown key; allowed: " + String.join(", ", KEYS));
            }
        }
        for (String key : KEYS) {
            if (REQUIRED.contains(key) && !root.has(key)) {
                throw new SpecException(file, key, "missing; a sweep needs " + String.join(", ", REQUIRED.stream().sorted().toList()));
            }
        }
        String name = text(root, "name", file);
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new SpecException(file, "name", "expected letters, digits, '.', '_' or '-' (a folder name, "
                    + "at most 100 characters, no '..'), got " + SpecText.show(root.get("name")));
        }
        String experiment = text(root, "experiment", file);
        Optional<String> base = root.has("base") ? Optional.of(text(root, "base", file)) : Optional.empty();
        Optional<String> description = root.has("description") ? Optional.of(text(root, "description", file))
                : Optional.empty();
        Map<String, Object> set = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields(root, "set", file)) {
            set.put(e.getKey(), SpecText.scalar(e.getValue(), "set." + e.getKey(), file));
        }
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields(root, "grid", file)) {
            grid.put(e.getKey(), Axes.expandDistinct(e.getValue(), "grid." + e.getKey(), file));
        }
        // Whether each parameter is swept and the values pick out one group is the planner's check.
        Map<String, Object> compareTo = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields(root, "compare_to", file)) {
            compareTo.put(e.getKey(), SpecText.scalar(e.getValue(), "compare_to." + e.getKey(), file));
        }
        if (root.has("compare_to") && compareTo.isEmpty()) {
            throw new SpecException(file, "compare_to", "expected a non-empty object of parameter: value naming "
                    + "the reference group, got {}");
        }
        return new SweepSpec(file, text, name, experiment, base, description, set, grid, zip(root, file),
                Seeds.of(root.get("seeds"), file), exclude(root, file), compareTo);
    }

    private static JsonNode tree(String file, String text) {
        try {
            JsonNode root = Json.mapper().readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new SpecException(file, "", "empty file; expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SpecException(file, "", Json.describe(e));
        }
    }

    private static String text(JsonNode root, String key, String file) {
        JsonNode node = root.get(key);
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new SpecException(file, key, "expected a non-empty string, got " + SpecText.show(node));
        }
        return node.textValue();
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode root, String key, String file) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        JsonNode node = root.get(key);
        if (node == null) {
            return fields;
        }
        if (!node.isObject()) {
            throw new SpecException(file, key, "expected an object of parameter: value, got " + SpecText.show(node));
        }
        node.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static List<Map<String, List<Object>>> zip(JsonNode root, String file) {
        List<Map<String, List<Object>>> groups = new ArrayList<>();
        JsonNode zip = root.get("zip");
        if (zip == null) {
            return groups;
        }
        if (!zip.isArray()) {
            throw new SpecException(file, "zip", "expected a list of objects, got " + SpecText.show(zip));
        }
        for (int g = 0; g < zip.size(); g++) {
            String path = "zip[" + g + "]";
            JsonNode group = zip.get(g);
            if (!group.isObject() || group.isEmpty()) {
                throw new SpecException(file, path, "expected a non-empty object of parameter: values, got " + SpecText.show(group));
            }
            Map<String, List<Object>> axes = new LinkedHashMap<>();
            int length = -1;
            for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> values = Axes.expand(e.getValue(), path + "." + e.getKey(), file);
                if (length >= 0 && values.size() != length) {
                    throw new SpecException(file, path + "." + e.getKey(), "has " + values.size()
                            + " values; every list in a zip group needs the same length (" + length + ")");
                }
                length = values.size();
                axes.put(e.getKey(), values);
            }
            groups.add(axes);
        }
        return groups;
    }

    private static List<Map<String, List<Object>>> exclude(JsonNode root, String file) {
        List<Map<String, List<Object>>> rules = new ArrayList<>();
        JsonNode exclude = root.get("exclude");
        if (exclude == null) {
            return rules;
        }
        if (!exclude.isArray()) {
            throw new SpecException(file, "exclude", "expected a list of objects, got " + SpecText.show(exclude));
        }
        for (int i = 0; i < exclude.size(); i++) {
            String path = "exclude[" + i + "]";
            JsonNode rule = exclude.get(i);
            if (!rule.isObject() || rule.isEmpty()) {
                throw new SpecException(file, path, "expected a non-empty object of parameter: value, got " + SpecText.show(rule));
            }
            Map<String, List<Object>> match = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path + "." + e.getKey();
                match.put(e.getKey(), e.getValue().isArray() ? Axes.scalars(e.getValue(), at, file)
                        : List.of(SpecText.scalar(e.getValue(), at, file)));
            }
            rules.add(match);
        }
        return rules;
    }
}
