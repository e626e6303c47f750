package org.gansweep.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds or makes the fixed parts of a sweep's image, which several processes (shards, a rerun, sync) may reach
 * for at once: the experiment, marked as model training and described, and the one run of a kind (the sweep
 * run, a group run) with a given tag value.
 */
final class RunTree {
    private RunTree() {
    }

    /**
     * The experiment named after the sweep, created if missing, with its kind (model training, not MLflow 3's
     * GenAI default) and description. An existing description is rewritten only by a process that knows the
     * command ({@code run}, not {@code sync}). If another shard creates the experiment at the same moment, our
     * create fails and the search finds theirs.
     */
    static String experiment(MlflowApi api, SweepInfo sweep) {
        List<KeyValue> tags = List.of(new KeyValue(Tags.EXPERIMENT_KIND, Tags.MODEL_TRAINING),
                new KeyValue(Tags.NOTE, SweepNote.of(sweep)));
        Optional<MlflowApi.Experiment> found = api.experiment(sweep.name());
        if (found.isEmpty()) {
            try {
                return api.createExperiment(sweep.name(), tags);
            } catch (TrackingException e) {
                found = Optional.of(api.experiment(sweep.name()).orElseThrow(() -> e));
            }
        }
        MlflowApi.Experiment experiment = found.get();
        for (KeyValue tag : tags) {
            boolean keepNote = tag.key().equals(Tags.NOTE) && sweep.command().isEmpty()
                    && experiment.tags().containsKey(Tags.NOTE);
            if (!keepNote && !tag.value().equals(experiment.tags().get(tag.key()))) {
                api.setExperimentTag(experiment.id(), tag);
            }
        }
        return experiment.id();
    }

    /**
     * The one run of this kind with this tag value: the oldest in {@code known} or on the server, else a new
     * one. Shards starting together may each create one; each then searches again and keeps the oldest (start
     * time, then id). It deletes only runs with its own start time: its own, when another won, and copies a
     * retried create left.
     */
    static Placed findOrCreate(MlflowApi api, String experimentId, List<MlflowApi.Found> known, String kind,
                              String tagName, String tagValue, Supplier<MlflowApi.Created> create) {
        List<MlflowApi.Found> matching = new ArrayList<>(known.stream()
                .filter(r -> kind.equals(r.tag(Tags.KIND)) && tagValue.equals(r.tag(tagName))).toList());
        String filter = "tags.`" + Tags.KIND + "` = '" + kind + "' and tags.`" + tagName + "` = '" + tagValue + "'";
        if (matching.isEmpty()) {
            matching.addAll(api.searchRuns(experimentId, filter));
        }
        if (!matching.isEmpty()) {
            return new Placed(oldest(matching), false);
        }
        MlflowApi.Created mine = create.get();
        List<MlflowApi.Found> now = api.searchRuns(experimentId, filter);
        MlflowApi.Found winner = now.isEmpty() ? null : oldest(now);
        long myStart = now.stream().filter(r -> r.id().equals(mine.id())).mapToLong(MlflowApi.Found::startTime)
                .findFirst().orElse(Long.MIN_VALUE);
        for (MlflowApi.Found run : now) {
            if (run != winner && run.startTime() == myStart) {
                api.deleteRun(run.id());
            }
        }
        if (winner == null) {
            // Not listed yet: ours is the only one.
            return new Placed(new MlflowApi.Found(mine.id(), "RUNNING", 0, mine.artifactUri(), Map.of(), Set.of()),
                    true);
        }
        return new Placed(winner, winner.id().equals(mine.id()));
    }

    /** A run found or made; {@code created} when this process made it. */
    record Placed(MlflowApi.Found run, boolean created) {
    }

    private static MlflowApi.Found oldest(List<MlflowApi.Found> runs) {
        return runs.stream().min(Comparator.comparingLong(MlflowApi.Found::startTime)
                .thenComparing(MlflowApi.Found::id)).orElseThrow();
    }
}
