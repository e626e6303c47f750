package org.gansweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data-flow layering: each stage imports only the stages before it (spec -> plan -> engine -> record ->
 * track -> report -> picture -> cli), experiments never import each other, and report and pictures never see
 * ND4J or the engine's training code (pictures read the results store only). A plain scan of import lines.
 */
class LayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.gansweep\\.[a-z.]+|org\\.nd4j)\\.",
            Pattern.MULTILINE);
    /** For each package, the gansweep packages (prefixes) it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "internal", List.of("spec", "plan", "engine", "record", "track", "report", "picture", "cli"),
            "spec", List.of("plan", "engine", "record", "track", "report", "picture", "cli"),
            "plan", List.of("engine", "record", "track", "report", "picture", "cli"),
            "engine", List.of("record", "track", "report", "picture", "cli"),
            "record", List.of("track", "report", "picture", "cli", "nd4j", "engine.point"),
            "report", List.of("track", "picture", "cli", "nd4j", "engine.point"),
            "track", List.of("report", "picture", "cli", "nd4j"),
            "picture", List.of("track", "cli", "nd4j", "engine.point", "engine.dirac", "engine.linear2d"));

    @Test
    void everyStageImportsOnlyEarlierStages() throws IOException {
        Path root = Path.of("src/main/java/org/gansweep");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
                String stage = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1).equals("org.nd4j") ? "nd4j" : m.group(1).substring("org.gansweep.".length());
                    for (String banned : FORBIDDEN.getOrDefault(stage, List.of())) {
                        if (target.equals(banned) || target.startsWith(banned + ".")) {
                            violations.add(file + " imports " + m.group(1));
                        }
                    }
                    if (pkg.startsWith("engine.") && target.startsWith("engine.") && !target.equals(pkg)) {
                        violations.add(file + " (experiment " + pkg + ") imports another experiment " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
