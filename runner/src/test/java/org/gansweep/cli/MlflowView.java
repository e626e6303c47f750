package org.gansweep.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gansweep.engine.Trajectory;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.ExperimentTag;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

/**
 * What a sweep looks like in MLflow, read back with the MLflow Java client (independent of gansweep's own
 * HTTP code), and the files the tests compare it with.
 */
final class MlflowView {
    private MlflowView() {
    }

    static Experiment experiment(MlflowClient client, String sweep) {
        return client.searchExperiments("name = '" + sweep + "'").getItems().get(0);
    }

    static Map<String, String> tags(Experiment experiment) {
        return experiment.getTagsList().stream().collect(Collectors.toMap(ExperimentTag::getKey,
                ExperimentTag::getValue));
    }

    static List<Run> runs(MlflowClient client, String sweep, ViewType view) {
        String experiment = experiment(client, sweep).getExperimentId();
        List<Run> runs = new ArrayList<>();
        client.searchRuns(List.of(experiment), "", view, 1000).getItems().forEach(runs::add);
        return runs;
    }

    static Map<String, String> tags(Run run) {
        return run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
    }

    static List<Run> ofKind(List<Run> runs, String kind) {
        return runs.stream().filter(r -> kind.equals(tags(r).get("gansweep.kind"))).toList();
    }

    static byte[] download(String uri, String artifactUri, String name) throws IOException, InterruptedException {
        String path = artifactUri.substring("mlflow-artifacts:".length()).replaceAll("^/+", "");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(uri + "/api/2.0/mlflow-artifacts/artifacts/" + path + "/" + name)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(name + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** A float run's trajectory.csv parsed here, without gansweep's reader (values are float text). */
    static Trajectory trajectory(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> columns = List.of(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Float.parseFloat(cells[i]);
            }
            rows.add(row);
        }
        return new Trajectory(columns, rows);
    }
}
