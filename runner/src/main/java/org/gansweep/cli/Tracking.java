package org.gansweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gansweep.engine.Experiment;
import org.gansweep.engine.Experiments;
import org.gansweep.engine.Outcome;
import org.gansweep.internal.Secrets;
import org.gansweep.picture.SweepPictures;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.report.GroupComparison;
import org.gansweep.report.GroupSummary;
import org.gansweep.report.SweepReport;
import org.gansweep.track.GroupTotals;
import org.gansweep.track.MlflowTracker;
import org.gansweep.track.RunContent;
import org.gansweep.track.SweepInfo;
import org.gansweep.track.TrackingServer;
import org.gansweep.track.VersusReference;

/** Glue between the commands and MLflow tracking: where to track, what the sweep is, the group totals. */
final class Tracking {
    static final String ENV_URI = "MLFLOW_TRACKING_URI";

    private Tracking() {
    }

    /** The server named by the option, else by MLFLOW_TRACKING_URI, else none; checked before any work. */
    static Optional<TrackingServer> server(String option, Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return Optional.of(TrackingServer.of(option, "--tracking-uri", environment));
        }
        String fromEnv = environment.get(ENV_URI);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(TrackingServer.of(fromEnv, ENV_URI, environment));
        }
        return Optional.empty();
    }

    /** Checks --tracking-points before any work starts. */
    static int points(int points) {
        if (points < 2 || points > RunContent.MAX_POINTS) {
            throw new UsageException("--tracking-points " + points + ": expected an integer from 2 to "
                    + RunContent.MAX_POINTS);
        }
        return points;
    }

    /**
     * The sweep as its sweep.json records it, with what ran here and the command that did ("" for sync, which
     * leaves the experiment's description as run wrote it).
     */
    static SweepInfo sweepInfo(ResultStore store, String backend, String dtype, String shard, String command) {
        JsonNode sweep = store.readSweep().orElseThrow();
        List<String> varying = new ArrayList<>();
        sweep.get("varying").forEach(v -> varying.add(v.asText()));
        TreeMap<String, Integer> groupSizes = new TreeMap<>();
        sweep.get("runs").forEach(run -> groupSizes.merge(run.path("group").asText(), 1, Integer::sum));
        JsonNode spec = sweep.get("spec");
        String experiment = spec.get("experiment").asText();
        Map<String, Object> defaults = new TreeMap<>();
        Experiment family = Experiments.all().get(experiment);
        if (family != null) {
            Defaults.of(family).forEach((key, value) -> {
                if (varying.contains(key)) {
                    defaults.put(key, value);
                }
            });
        }
        return new SweepInfo(spec.get("name").asText(), sweep.get("spec_hash").asText(), experiment,
                spec.path("description").asText(""), varying, defaults, SweepPictures.headlineColumns(experiment),
                groupSizes, backend, dtype, shard, command.isEmpty() ? "" : Secrets.scrub(command));
    }

    /** Each group's totals, with its complete runs among {@code records} (whose trajectories make its bands). */
    static List<GroupTotals> totals(SweepReport report, List<RunRecord> records) {
        Map<String, List<RunKey>> members = new HashMap<>();
        records.forEach(r -> members.computeIfAbsent(r.group().value(), g -> new ArrayList<>()).add(r.key()));
        List<GroupTotals> totals = new ArrayList<>();
        for (GroupSummary group : report.groups()) {
            TreeMap<String, Integer> outcomes = new TreeMap<>();
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome.label(), group.count(outcome));
            }
            totals.add(new GroupTotals(group.group().value(), group.parameters(), group.runs(), group.successes(),
                    group.interval().lowerBound(), group.interval().upperBound(), group.medianStepsToConverge(), outcomes,
                    members.getOrDefault(group.group().value(), List.of()),
                    report.comparison().of(group.group()).map(Tracking::versus),
                    report.comparison().reference().equals(Optional.of(group.group()))));
        }
        return totals;
    }

    private static VersusReference versus(GroupComparison c) {
        return new VersusReference(c.verdict().label(), c.difference(), c.differenceInterval().lowerBound(),
                c.differenceInterval().upperBound(), c.pValue(), c.adjustedPValue(), c.steps().map(s ->
                new VersusReference.Steps(s.difference(), s.interval().lowerBound(), s.interval().upperBound())));
    }

    /** Tells the user how logging went and, when something is missing, the command that fixes it. */
    static void say(MlflowTracker.Outcome outcome, TrackedRuns tracked, int plannedRuns, String uri, ResultStore store,
                    PrintStream err) {
        if (outcome.failure() == null) {
            err.printf(Locale.ROOT, "MLflow: logged %d runs%s and the group totals to %s%n", outcome.logged(),
                    tracked.explain(plannedRuns), uri);
            return;
        }
        if (outcome.notLogged() == 0) {
            err.printf(Locale.ROOT, "MLflow: logged %d runs, not the group totals: %s%n", outcome.logged(),
                    outcome.failure());
        } else {
            err.printf(Locale.ROOT, "MLflow: logged %d of %d runs; %d not logged: %s%n", outcome.logged(),
                    outcome.offered(), outcome.notLogged(), outcome.failure());
        }
        err.printf(Locale.ROOT, "MLflow: every run is in %s; push what MLflow lacks with: scripts/gansweep sync %s "
                + "--tracking-uri %s%n", store.sweepDir(), store.sweepDir(), uri);
    }
}
