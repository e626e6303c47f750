package org.gansweep.track;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which seed runs of a sweep MLflow has, by run key: logged completely (FINISHED, or tagged complete by the
 * first layout), or cut off (anything else: created, then the process died). Also what a sync tidies up: runs
 * the first layout completed that a kill left RUNNING, and cut-off copies of runs that are also complete. What
 * this process logs is added as it goes. Thread-safe.
 */
final class SeedRuns {
    /** A logged run: its id and artifact root (for pictures drawn later). */
    record Logged(String id, String artifactUri) {
    }

    private final Map<String, Logged> logged = new ConcurrentHashMap<>();
    private final Map<String, String> cutOff = new ConcurrentHashMap<>();
    private final Set<String> leftRunning = ConcurrentHashMap.newKeySet();
    private final Set<String> strays = ConcurrentHashMap.newKeySet();

    /** A seed run the listing found. */
    void known(MlflowApi.Found run) {
        String key = run.tag(Tags.RUN_KEY);
        boolean firstLayoutComplete = Tags.COMPLETE.equals(run.tag(Tags.LOGGED));
        if (run.finished() || firstLayoutComplete) {
            Optional.ofNullable(cutOff.remove(key)).ifPresent(strays::add);
            if (logged.putIfAbsent(key, new Logged(run.id(), run.artifactUri())) != null) {
                strays.add(run.id());
            } else if (!run.finished()) {
                leftRunning.add(run.id());
            }
        } else if (logged.containsKey(key) || cutOff.containsKey(key)) {
            strays.add(run.id());
        } else {
            cutOff.put(key, run.id());
        }
    }

    boolean isLogged(String key) {
        return logged.containsKey(key);
    }

    Optional<Logged> logged(String key) {
        return Optional.ofNullable(logged.get(key));
    }

    /** The cut-off run of this key, now taken out (the caller deletes it). */
    Optional<String> takeCutOff(String key) {
        return Optional.ofNullable(cutOff.remove(key));
    }

    void started(String key, String id) {
        cutOff.put(key, id);
    }

    void finished(String key, String id, String artifactUri) {
        cutOff.remove(key, id);
        logged.put(key, new Logged(id, artifactUri));
    }

    /** Ends the first layout's runs a kill left RUNNING and deletes stray copies; each once. */
    void tidy(MlflowApi api) {
        for (String id : leftRunning) {
            api.finish(id, "", System.currentTimeMillis());
            leftRunning.remove(id);
        }
        for (String id : strays) {
            api.deleteRun(id);
            strays.remove(id);
        }
    }
}
