package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment as the first layout logged it (seed runs beside the group runs under the sweep run, a
 * {@code gansweep.logged=complete} tag set before the end, group runs never ended), with a kill in the
 * middle: sync takes it as it is. Runs the first layout logged completely stay where they are (one left
 * RUNNING is ended), a cut-off one is logged again under its group, and every run ends FINISHED.
 */
class MlflowOldLayoutTest {
    @TempDir
    Path dir;

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }

    @Test
    void syncTakesAnExperimentOfTheFirstLayoutAsItIsAndFinishesIt() throws Exception {
        String uri = MlflowTestServer.uri();
        String sweep = "old-" + Long.toHexString(System.nanoTime());
        String spec = MlflowTreeTest.spec(dir, sweep);
        Path results = dir.resolve("results");
        assertEquals(0, Cli.main("run", spec, "--results", results.toString(), "--plots", "none", "--kernel", "nd4j")
                .code());
        ResultStore store = ResultStore.existing(results.resolve(sweep));
        List<RunRecord> records = store.readRuns(store.completeKeys());
        RunRecord first = records.get(0);
        List<RunRecord> group = records.stream().filter(r -> r.group().equals(first.group())).toList();

        MlflowClient client = new MlflowClient(uri);
        try {
            String experiment = client.createExperiment(sweep);
            String sweepRun = client.createRun(CreateRun.newBuilder().setExperimentId(experiment).setRunName(sweep)
                    .addTags(tag("gansweep.kind", "sweep")).addTags(tag("gansweep.sweep", sweep)).build()).getRunId();
            String groupRun = client.createRun(CreateRun.newBuilder().setExperimentId(experiment)
                    .setRunName("group: easing=... weight_noise=...").addTags(tag("gansweep.kind", "group"))
                    .addTags(tag("gansweep.group_key", first.group().value()))
                    .addTags(tag("mlflow.parentRunId", sweepRun)).build()).getRunId();
            List<String> seedRuns = new ArrayList<>();
            for (RunRecord seed : group) {
                seedRuns.add(client.createRun(CreateRun.newBuilder().setExperimentId(experiment)
                        .setRunName("easing=... seed=" + seed.seed()).addTags(tag("gansweep.kind", "run"))
                        .addTags(tag("gansweep.run_key", seed.key().value()))
                        .addTags(tag("mlflow.parentRunId", sweepRun)).build()).getRunId());
            }
            // Seed 0 logged and ended; seed 1 tagged complete, then killed before its end; seed 2 cut off.
            client.setTag(seedRuns.get(0), "gansweep.logged", "complete");
            client.setTerminated(seedRuns.get(0), RunStatus.FINISHED);
            client.setTag(seedRuns.get(1), "gansweep.logged", "complete");

            Cli.Result sync = Cli.main("sync", results.resolve(sweep).toString(), "--tracking-uri", uri);
            assertEquals(0, sync.code(), sync.err());
            assertTrue(sync.out().contains(": 10 runs logged now, 2 were there, 4 groups"), sync.out());

            List<Run> all = MlflowView.runs(client, sweep, ViewType.ACTIVE_ONLY);
            all.forEach(r -> assertEquals(RunStatus.FINISHED, r.getInfo().getStatus(), r.getInfo().getRunName()));
            assertEquals(12, MlflowView.ofKind(all, "run").size());
            assertEquals(4, MlflowView.ofKind(all, "group").size());
            assertEquals(sweepRun, MlflowView.ofKind(all, "sweep").get(0).getInfo().getRunId());
            for (int i = 0; i < 2; i++) {
                Run kept = client.getRun(seedRuns.get(i));
                assertEquals(sweepRun, MlflowView.tags(kept).get("mlflow.parentRunId"), "left where it was");
                assertEquals(RunStatus.FINISHED, kept.getInfo().getStatus());
            }
            assertEquals("deleted", client.getRun(seedRuns.get(2)).getInfo().getLifecycleStage());
            Run relogged = MlflowView.ofKind(all, "run").stream().filter(r -> MlflowView.tags(r).get("gansweep.run_key")
                    .equals(group.get(2).key().value())).findFirst().orElseThrow();
            assertEquals(groupRun, MlflowView.tags(relogged).get("mlflow.parentRunId"), "logged again under its group");
            Run renamed = client.getRun(groupRun);
            assertEquals(relogged.getInfo().getRunName().replaceFirst(" s[0-9]+$", ""), renamed.getInfo().getRunName());
            assertEquals("custom_model_development", MlflowView.tags(MlflowView.experiment(client, sweep))
                    .get("mlflow.experimentKind"));
        } finally {
            client.close();
        }
    }
}
