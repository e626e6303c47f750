package org.gansweep.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.gansweep.engine.Experiments;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.picture.PlotSelection;
import org.gansweep.report.Grouping;
import org.gansweep.report.ReportFormatType;
import org.gansweep.report.SweepReport;

/** Reads a sweep's results folder and prints or writes its report. */
@Parameters(commandDescription = "Report a sweep's results: success rates with Wilson intervals per group")
final class ReportCommand implements Command {
    @Parameter(description = "RESULTS_DIR/<sweep>", required = true)
    List<String> folder = new ArrayList<>();

    @Parameter(names = "--format", description = "text (stdout), md (report.md), csv (groups.csv) or html "
            + "(report.html with charts and per-run pictures)")
    String format = "text";

    @Parameter(names = "--plots", description = "with --format html, which runs get their own pictures: failed "
            + "(the runs that did not converge, up to 10 a group, and 2 a group as a sample), all, or none")
    String plots = "failed";

    @Parameter(names = {"-h", "--help"}, help = true, description = "this help")
    boolean help;

    @Override
    public boolean help() {
        return help;
    }

    @Override
    public int call(PrintStream out, PrintStream err) {
        if (folder.size() != 1) {
            throw new UsageException("expected exactly one results folder, got " + folder.size());
        }
        PlotSelection selection = Pictures.selection(plots);
        if (format.equals("html")) {
            ResultStore store = ResultStore.existing(Path.of(folder.get(0)));
            List<RunRecord> records = records(store, Map.of());
            Pictures.draw(store, build(store, records), records, selection, err);
            out.println(Pictures.page(store));
            return Main.OK;
        }
        ReportFormatType type;
        try {
            type = ReportFormatType.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ", html");
        }
        ResultStore store = ResultStore.existing(Path.of(folder.get(0)));
        SweepReport report = build(store, records(store, Map.of()));
        if (type.fileName().isEmpty()) {
            write(type, report, out);
        } else {
            StringBuilder text = new StringBuilder();
            write(type, report, text);
            out.println(store.writeText(type.fileName().get(), text.toString()));
        }
        return Main.OK;
    }

    /**
     * Writes summary.csv and groups.csv and prints the text report; used at the end of every run. Runs
     * this process just wrote are taken from memory, the rest read from the store. Under the store's report
     * lock, so that of shards finishing together the last writer has seen every run.
     */
    static SweepReport report(ResultStore store, Map<RunKey, RunRecord> known, PrintStream out) {
        SweepReport report = store.withReportLock(() -> {
            List<RunRecord> records = records(store, known);
            SweepReport fresh = build(store, records);
            store.writeSummaryCsv(records, fresh.varyingKeys());
            StringBuilder csv = new StringBuilder();
            write(ReportFormatType.CSV, fresh, csv);
            store.writeText(ReportFormatType.CSV.fileName().get(), csv.toString());
            return fresh;
        });
        write(ReportFormatType.TEXT, report, out);
        return report;
    }

    static SweepReport build(ResultStore store, List<RunRecord> records) {
        JsonNode sweep = store.readSweep().orElseThrow();
        List<String> varying = new ArrayList<>();
        sweep.get("varying").forEach(v -> varying.add(v.asText()));
        String experiment = sweep.get("spec").path("experiment").asText();
        List<String> columns = java.util.Optional.ofNullable(org.gansweep.engine.Experiments.all().get(experiment))
                .map(org.gansweep.engine.Experiment::reportColumns).orElse(List.of());
        return Grouping.summarize(sweep.get("spec").get("name").asText(), records, varying, sweep.get("runs").size(),
                columns, ResultStore.reference(sweep));
    }

    /** The complete runs of the sweep in plan order: from memory where known, else from the store. */
    static List<RunRecord> records(ResultStore store, Map<RunKey, RunRecord> known) {
        List<RunRecord> records = new ArrayList<>();
        List<RunKey> unknown = new ArrayList<>();
        LinkedHashSet<RunKey> keys = new LinkedHashSet<>();
        store.readSweep().orElseThrow().get("runs").forEach(r -> keys.add(new RunKey(r.get("key").asText())));
        for (RunKey key : keys) {
            if (!known.containsKey(key)) {
                unknown.add(key);
            }
        }
        Map<RunKey, RunRecord> fromDisk = new java.util.HashMap<>();
        Map<String, ParameterSchema> schemas = Experiments.schemas();
        for (RunRecord stored : store.readRuns(unknown)) {
            // A run written before a parameter existed reads as the run it is: with that parameter's old value.
            ParameterSchema schema = schemas.get(stored.experiment());
            fromDisk.put(stored.key(), schema == null ? stored : stored.withConfig(schema.completed(stored.config())));
        }
        for (RunKey key : keys) {
            RunRecord record = known.containsKey(key) ? known.get(key) : fromDisk.get(key);
            if (record != null) {
                records.add(record);
            }
        }
        return records;
    }

    private static void write(ReportFormatType type, SweepReport report, Appendable out) {
        try {
            type.format().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
