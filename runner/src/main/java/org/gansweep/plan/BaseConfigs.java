package org.gansweep.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.gansweep.internal.Json;
import org.gansweep.spec.InputFiles;

/**
 * Finds and reads an experiment's base config. A relative "base" is tried against the spec's folder, then
 * the working directory; without "base", configs/<experiment>.json beside the spec's parent folder (so
 * sweeps/x.json finds configs/), then in the working directory, then the copy built into the jar.
 */
final class BaseConfigs {
    private BaseConfigs() {
    }

    record Loaded(String origin, JsonNode tree) {
    }

    static Loaded load(String specFile, String experiment, java.util.Optional<String> base) {
        Path specDir = Path.of(specFile).toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        if (base.isPresent()) {
            Path given = Path.of(base.get());
            if (given.isAbsolute()) {
                candidates.add(given);
            } else {
                candidates.add(specDir.resolve(given));
                candidates.add(given.toAbsolutePath());
            }
        } else {
            Path relative = Path.of("configs", experiment + ".json");
            if (specDir.getParent() != null) {
                candidates.add(specDir.getParent().resolve(relative));
            }
            candidates.add(relative.toAbsolutePath());
        }
        candidates = List.copyOf(new LinkedHashSet<>(candidates));
        for (Path candidate : candidates) {
            String problem = InputFiles.problem(candidate, "a base config");
            if (problem != null) {
                throw new PlanException(specFile + ": base: " + candidate.normalize() + ": " + problem);
            }
            if (Files.isRegularFile(candidate)) {
                return new Loaded(candidate.normalize().toString(), read(candidate));
            }
        }
        if (base.isEmpty()) {
            String resource = "/configs/" + experiment + ".json";
            try (InputStream in = BaseConfigs.class.getResourceAsStream(resource)) {
                if (in != null) {
                    return new Loaded("builtin:configs/" + experiment + ".json", Json.mapper().readTree(in));
                }
            } catch (IOException e) {
                throw new PlanException("builtin " + resource + ": cannot read: " + e.getMessage());
            }
        }
        throw new PlanException(specFile + ": base: config not found; tried " + candidates);
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // A file that is not JSON at all (often a wrong path) is not quoted: it may be any file at all.
            if (e.getOriginalMessage().startsWith("Unrecognized token")) {
                throw new PlanException(file + ": not JSON; a base config is a JSON object of parameter: value");
            }
            throw new PlanException(file + ": " + Json.describe(e));
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read base config: " + e.getMessage().split("\n")[0]);
        }
    }
}
