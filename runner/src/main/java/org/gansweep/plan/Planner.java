package org.gansweep.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gansweep.spec.SweepSpec;

/**
 * Expands a sweep spec into its complete, ordered list of runs. Everything a run needs is checked here,
 * before anything trains: the experiment, every parameter name and value, and the size of the sweep.
 * Order: grid keys sorted by name, first key slowest; then zip groups as listed; seeds innermost.
 */
public final class Planner {
    private final Map<String, ParameterSchema> experiments;

    public Planner(Map<String, ParameterSchema> experiments) {
        this.experiments = Map.copyOf(experiments);
    }

    public RunPlan plan(SweepSpec spec, long maxRuns) {
        String file = spec.file();
        ParameterSchema schema = experiments.get(spec.experiment());
        if (schema == null) {
            throw new PlanException(file + ": experiment: unknown experiment \"" + spec.experiment()
                    + "\"; allowed: " + String.join(", ", new TreeSet<>(experiments.keySet())));
        }
        Values values = new Values(file, schema);
        BaseConfigs.Loaded base = BaseConfigs.load(file, spec.experiment(), spec.base());
        TreeMap<String, Object> resolved = baseValues(base, schema);
        Map<String, Object> defaults = Map.copyOf(resolved);

        Map<String, String> placed = new HashMap<>();
        for (Map.Entry<String, Object> e : spec.set().entrySet()) {
            place(placed, e.getKey(), "set." + e.getKey(), file);
            resolved.put(e.getKey(), values.normalize(e.getKey(), e.getValue(), "set." + e.getKey()));
        }
        List<Axis> axes = new ArrayList<>();
        for (String key : new TreeSet<>(spec.grid().keySet())) {
            place(placed, key, "grid." + key, file);
            List<Map<String, Object>> points = new ArrayList<>();
            List<Object> raw = spec.grid().get(key);
            for (int i = 0; i < raw.size(); i++) {
                points.add(Map.of(key, values.normalize(key, raw.get(i), "grid." + key + "[" + i + "]")));
            }
            axes.add(new Axis(points));
        }
        for (int g = 0; g < spec.zip().size(); g++) {
            axes.add(zipAxis(spec.zip().get(g), "zip[" + g + "]", values, placed, file));
        }
        List<Map<String, List<Object>>> excludes = excludes(spec, values);

        // Exact: a few long axes times many seeds overflow a long, and that too is "more than the limit".
        BigInteger total = BigInteger.valueOf(spec.seeds().size());
        for (Axis axis : axes) {
            total = total.multiply(BigInteger.valueOf(axis.points().size()));
        }
        if (total.compareTo(BigInteger.valueOf(maxRuns)) > 0) {
            throw new PlanException(file + ": expands to " + total + " runs, more than the limit of " + maxRuns
                    + " (--max-runs)");
        }
        Expanded expanded = expand(spec, resolved, axes, excludes, schema);
        List<String> varying = varying(expanded.runs());
        // The reference is checked last: whether compare_to picks out one group depends on the whole expansion.
        return new RunPlan(spec, base.origin(), expanded.runs(), varying, expanded.duplicates(), Shard.ALL,
                References.choose(spec, defaults, expanded.runs(), varying, values));
    }

    private record Axis(List<Map<String, Object>> points) {
    }

    private record Expanded(List<PlannedRun> runs, int duplicates) {
    }

    private static TreeMap<String, Object> baseValues(BaseConfigs.Loaded base, ParameterSchema schema) {
        JsonNode tree = base.tree();
        if (!tree.isObject()) {
            throw new PlanException(base.origin() + ": expected a JSON object of parameter: value");
        }
        Values values = new Values(base.origin(), schema);
        TreeMap<String, Object> resolved = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            resolved.put(e.getKey(), values.normalize(e.getKey(), Values.scalar(e.getValue()), e.getKey()));
        }
        schema.addedLater().forEach(resolved::putIfAbsent);
        List<String> missing = schema.names().stream().filter(n -> !resolved.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new PlanException(base.origin() + ": missing parameters " + String.join(", ", missing)
                    + "; a base config names every parameter with its default");
        }
        return resolved;
    }

    private static void place(Map<String, String> placed, String key, String path, String file) {
        String before = placed.putIfAbsent(key, path);
        if (before != null) {
            throw new PlanException(file + ": " + path + ": " + key + " is already set at " + before
                    + "; a parameter may appear in only one of set, grid, zip");
        }
    }

    private static Axis zipAxis(Map<String, List<Object>> group, String path, Values values,
                                Map<String, String> placed, String file) {
        int length = group.values().iterator().next().size();
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            points.add(new TreeMap<>());
        }
        for (Map.Entry<String, List<Object>> e : group.entrySet()) {
            place(placed, e.getKey(), path + "." + e.getKey(), file);
            for (int i = 0; i < length; i++) {
                points.get(i).put(e.getKey(), values.normalize(e.getKey(), e.getValue().get(i),
                        path + "." + e.getKey() + "[" + i + "]"));
            }
        }
        return new Axis(points);
    }

    private static List<Map<String, List<Object>>> excludes(SweepSpec spec, Values values) {
        List<Map<String, List<Object>>> rules = new ArrayList<>();
        for (int i = 0; i < spec.exclude().size(); i++) {
            Map<String, List<Object>> rule = new LinkedHashMap<>();
            for (Map.Entry<String, List<Object>> e : spec.exclude().get(i).entrySet()) {
                String path = "exclude[" + i + "]." + e.getKey();
                List<Object> normalized = new ArrayList<>();
                for (Object v : e.getValue()) {
                    normalized.add(e.getKey().equals("seed") ? Values.seed(v, path, spec.file())
                            : values.normalize(e.getKey(), v, path));
                }
                rule.put(e.getKey(), normalized);
            }
            rules.add(rule);
        }
        return rules;
    }

    private static Expanded expand(SweepSpec spec, TreeMap<String, Object> resolved, List<Axis> axes,
                                  List<Map<String, List<Object>>> excludes, ParameterSchema schema) {
        List<PlannedRun> runs = new ArrayList<>();
        Set<RunKey> seen = new HashSet<>();
        int duplicates = 0;
        int[] index = new int[axes.size()];
        while (true) {
            TreeMap<String, Object> point = new TreeMap<>(resolved);
            for (int a = 0; a < axes.size(); a++) {
                point.putAll(axes.get(a).points().get(index[a]));
            }
            ResolvedConfig config = new ResolvedConfig(point);
            GroupKey group = RunKeys.group(spec.experiment(), schema.keyed(config));
            boolean checked = false;
            for (long seed : spec.seeds()) {
                if (excluded(point, seed, excludes)) {
                    continue;
                }
                if (!checked) {
                    // Only configs that really run are checked: an exclude may drop a bad combination.
                    checkRules(spec.file(), config, schema.rules());
                    checked = true;
                }
                RunKey key = RunKeys.run(spec.experiment(), schema.keyed(config), seed);
                if (seen.add(key)) {
                    runs.add(new PlannedRun(key, group, spec.experiment(), config, seed));
                } else {
                    duplicates++;
                }
            }
            int a = axes.size() - 1;
            while (a >= 0 && ++index[a] == axes.get(a).points().size()) {
                index[a] = 0;
                a--;
            }
            if (a < 0) {
                break;
            }
        }
        if (runs.isEmpty()) {
            throw new PlanException(spec.file() + ": exclude: every run is excluded; nothing to do");
        }
        return new Expanded(runs, duplicates);
    }

    private static void checkRules(String file, ResolvedConfig config, List<ConfigRule> rules) {
        for (ConfigRule rule : rules) {
            rule.violation(config).ifPresent(why -> {
                throw new PlanException(file + ": " + why);
            });
        }
    }

    private static boolean excluded(Map<String, Object> point, long seed, List<Map<String, List<Object>>> rules) {
        for (Map<String, List<Object>> rule : rules) {
            boolean all = true;
            for (Map.Entry<String, List<Object>> e : rule.entrySet()) {
                Object value = e.getKey().equals("seed") ? (Object) seed : point.get(e.getKey());
                all &= e.getValue().contains(value);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static List<String> varying(List<PlannedRun> runs) {
        List<String> keys = new ArrayList<>();
        Map<String, Object> first = runs.get(0).config().values();
        for (String key : first.keySet()) {
            if (runs.stream().anyMatch(r -> !r.config().value(key).equals(first.get(key)))) {
                keys.add(key);
            }
        }
        return keys;
    }
}
