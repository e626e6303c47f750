package org.gansweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.record.ResultStore;
import org.gansweep.report.GroupSummary;
import org.gansweep.report.SweepReport;
import org.gansweep.track.GroupTotals;
import org.gansweep.track.MlflowTracker;
import org.gansweep.track.RunContent;
import org.gansweep.track.SweepInfo;
import org.gansweep.track.TrackingServer;

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

    /** The sweep as its sweep.json records it, with what ran here. */
    static SweepInfo sweepInfo(ResultStore store, String backend, String dtype, String shard) {
        JsonNode sweep = store.readSweep().orElseThrow();
        List<String> varying = new ArrayList<>();
        sweep.get("varying").forEach(v -> varying.add(v.asText()));
        return new SweepInfo(sweep.get("spec").get("name").asText(), sweep.get("spec_hash").asText(), varying,
                sweep.get("runs").size(), backend, dtype, shard);
    }

    static List<GroupTotals> totals(SweepReport report) {
        List<GroupTotals> totals = new ArrayList<>();
        for (GroupSummary group : report.groups()) {
            TreeMap<String, Integer> outcomes = new TreeMap<>();
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome.label(), group.count(outcome));
            }
            totals.add(new GroupTotals(group.group().value(), group.parameters(), group.runs(), group.successes(),
                    group.interval().lowerBound(), group.interval().upperBound(), group.medianStepsToConverge(), outcomes));
        }
        return totals;
    }

    /** Tells the user how logging went and, when something is missing, the command that fixes it. */
    static void say(MlflowTracker.Outcome outcome, String uri, ResultStore store, PrintStream err) {
        if (outcome.failure() == null) {
            err.printf(Locale.ROOT, "MLflow: logged %d runs and the group totals to %s%n", outcome.logged(), uri);
            return;
        }
        err.printf(Locale.ROOT, "MLflow: logged %d of %d runs; %d not logged: %s%n", outcome.logged(),
                outcome.offered(), outcome.notLogged(), outcome.failure());
        err.printf(Locale.ROOT, "MLflow: every run is in %s; push what MLflow lacks with: scripts/gansweep sync %s "
                + "--tracking-uri %s%n", store.sweepDir(), store.sweepDir(), uri);
    }
}
