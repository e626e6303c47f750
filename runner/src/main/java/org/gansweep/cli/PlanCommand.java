package org.gansweep.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.internal.Json;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.RunPlan;

/** Dry run: what a sweep expands to, what is already done, and roughly how long the rest takes. */
@Parameters(commandDescription = "Show what a sweep would run; trains nothing, writes nothing")
final class PlanCommand extends SweepOptions implements Command {
    @Parameter(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Override
    public int call(PrintStream out, PrintStream err) {
        RunPlan whole = plan();
        RunPlan mine = whole.shard(shard());
        Path sweepDir = Path.of(results).resolve(whole.spec().name());
        List<PlannedRun> todo = Estimates.remaining(mine.runs(), sweepDir);
        if (json) {
            out.println(toJson(mine, todo.size()));
            return Main.OK;
        }
        out.printf(Locale.ROOT, "sweep %s (%s), experiment %s, base %s%n", whole.spec().name(),
                whole.spec().file(), whole.spec().experiment(), whole.base());
        out.printf(Locale.ROOT, "%d runs = %d groups x %d seeds%s%s%n", whole.runs().size(), whole.groupCount(),
                whole.spec().seeds().size(),
                whole.duplicatesDropped() > 0 ? " (" + whole.duplicatesDropped() + " duplicates dropped)" : "",
                mine.shard().count() > 1 ? "; shard " + mine.shard() + " has " + mine.runs().size() : "");
        for (Map.Entry<String, List<Object>> axis : whole.axisValues().entrySet()) {
            out.printf(Locale.ROOT, "  %-18s %s%n", axis.getKey(), axis.getValue());
        }
        out.println(reference(whole));
        out.printf(Locale.ROOT, "already done in %s: %d; to run: %d%n", sweepDir,
                mine.runs().size() - todo.size(), todo.size());
        out.println(Estimates.describe(todo, sweepDir));
        return Main.OK;
    }

    /** The group the report will compare the others with, so that a compare_to is seen before anything trains. */
    private static String reference(RunPlan plan) {
        String note = plan.reference().note();
        return plan.reference().group().map(group -> {
            PlannedRun run = plan.runs().stream().filter(r -> r.group().equals(group)).findFirst().orElseThrow();
            List<String> values = plan.varyingKeys().stream().map(k -> k + "=" + run.config().value(k)).toList();
            return "reference group: " + String.join(" ", values) + " (" + note + ")";
        }).orElse("no reference group: " + note);
    }

    private static String toJson(RunPlan plan, int remaining) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("sweep", plan.spec().name());
        root.put("experiment", plan.spec().experiment());
        root.put("shard", plan.shard().toString());
        root.put("runs_total", plan.runs().size());
        root.put("runs_remaining", remaining);
        ArrayNode varying = root.putArray("varying");
        plan.varyingKeys().forEach(varying::add);
        ArrayNode runs = root.putArray("runs");
        for (PlannedRun run : plan.runs()) {
            ObjectNode entry = runs.addObject();
            entry.put("key", run.key().value());
            entry.put("group", run.group().value());
            entry.put("seed", run.seed());
            ObjectNode params = entry.putObject("params");
            plan.varyingKeys().forEach(k -> params.set(k, Json.mapper().valueToTree(run.config().value(k))));
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
