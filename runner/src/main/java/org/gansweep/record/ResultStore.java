package org.gansweep.record;

import static org.gansweep.record.StoredKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gansweep.engine.RunResult;
import org.gansweep.engine.Trajectory;
import org.gansweep.internal.AtomicFiles;
import org.gansweep.internal.IoErrors;
import org.gansweep.internal.Json;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ReferenceGroup;
import org.gansweep.plan.RunKey;

/**
 * The embedded results store: one folder per sweep, one folder per run, plain JSON and CSV that need no
 * tool to read. Every file is written atomically; a run is complete exactly when its summary.json exists,
 * and summary.json is written last. Shards writing into one folder touch disjoint run folders.
 */
public final class ResultStore {
    static final String SWEEP_FILE = "sweep.json";
    /** sweep.json's reference group: {"group": key or null, "note": how it was chosen or why there is none}. */
    static final String REFERENCE = "reference";
    static final String CONFIG_FILE = "config.json";
    static final String TRAJECTORY_FILE = "trajectory.csv";
    static final String HISTOGRAM_FILE = "histogram.csv";
    static final String SUMMARY_FILE = "summary.json";
    static final String REPORT_LOCK = ".report.lock";
    private final Path sweepDir;
    /** About 64 MB of values: a few thousand point runs of 300 log rows. */
    private final RecentTrajectories written = new RecentTrajectories(8L << 20);

    private ResultStore(Path sweepDir) {
        this.sweepDir = sweepDir;
    }

    /** Opens (creating) results/<sweep>; fails with bad input, before writing anything, if unwritable. */
    public static ResultStore open(Path resultsRoot, String sweepName) {
        Path dir = resultsRoot.resolve(sweepName);
        refuseLink(dir);
        refuseLink(dir.resolve("runs"));
        try {
            Files.createDirectories(dir.resolve("runs"));
            Path probe = Files.createFile(AtomicFiles.temporaryFor(dir.resolve("probe")));
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StoreException(resultsRoot + ": not writable (" + IoErrors.reason(e) + ")", true);
        }
        ResultStore store = new ResultStore(dir);
        Leftovers.remove(dir);
        return store;
    }

    /**
     * Refuses a symbolic link where gansweep is about to write (the sweep folder, its runs folder, a run's folder,
     * the report lock): followed, it would put results outside the results folder the user chose. The results
     * root itself may be a link (results -> /scratch/results is a choice, not a plant).
     */
    private static void refuseLink(Path path) {
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw new StoreException(path + ": a symbolic link (to " + target + "); gansweep writes only inside the "
                    + "results folder: remove the link or choose another --results", true);
        }
    }

    /** Opens an existing sweep folder for reading. */
    public static ResultStore existing(Path sweepDir) {
        if (!Files.isRegularFile(sweepDir.resolve(SWEEP_FILE))) {
            throw new StoreException(sweepDir + ": not a sweep results folder (no " + SWEEP_FILE + ")", true);
        }
        return new ResultStore(sweepDir);
    }

    public Path sweepDir() {
        return sweepDir;
    }

    private Path runDir(RunKey key) {
        return sweepDir.resolve("runs").resolve(key.value());
    }

    public void writeSweep(String specText, String specHash, List<PlannedRun> runs, List<String> varyingKeys,
                           ReferenceGroup reference) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put(FORMAT, SWEEP_FORMAT);
        try {
            root.set("spec", Json.mapper().readTree(specText));
        } catch (IOException e) {
            throw new StoreException("spec text is not JSON: " + e.getMessage(), e);
        }
        root.put("spec_hash", specHash);
        ArrayNode varying = root.putArray("varying");
        varyingKeys.forEach(varying::add);
        // The planner chose it with the base config at hand; the report has only this file.
        ObjectNode compared = root.putObject(REFERENCE);
        compared.put("group", reference.group().map(GroupKey::value).orElse(null));
        compared.put("note", reference.note());
        ArrayNode list = root.putArray("runs");
        for (PlannedRun run : runs) {
            ObjectNode entry = list.addObject();
            entry.put("key", run.key().value());
            entry.put("group", run.group().value());
            entry.put(SEED, run.seed());
            ObjectNode params = entry.putObject("params");
            for (String key : varyingKeys) {
                params.set(key, Json.mapper().valueToTree(run.config().value(key)));
            }
        }
        write(sweepDir.resolve(SWEEP_FILE), root);
    }

    /** The reference group a sweep.json records; none, saying why, in one written before there was one. */
    public static ReferenceGroup reference(JsonNode sweep) {
        JsonNode reference = sweep.path(REFERENCE);
        if (!reference.isObject()) {
            return ReferenceGroup.none("sweep.json names no reference group (written by an older gansweep; run the "
                    + "sweep again to record one, which trains nothing already done)");
        }
        String note = reference.path("note").asText();
        JsonNode group = reference.path("group");
        return group.isTextual() ? ReferenceGroup.of(new GroupKey(group.textValue()), note) : ReferenceGroup.none(note);
    }

    public Optional<JsonNode> readSweep() {
        Path file = sweepDir.resolve(SWEEP_FILE);
        return Files.exists(file) ? Optional.of(readJson(file, SWEEP_FORMAT)) : Optional.empty();
    }

    /** Writes a finished run: config, trajectory and histogram first, summary last (the completion mark). */
    public void writeRun(RunResult result, Provenance provenance) {
        Path dir = runDir(result.run().key());
        refuseLink(dir);
        boolean floats = isFloat(provenance.dtype());
        write(dir.resolve(CONFIG_FILE), RunFiles.config(result.run(), provenance));
        writeText(dir.resolve(TRAJECTORY_FILE), TrajectoryCsv.format(result.trajectory(), floats));
        written.put(result.run().key(), TrajectoryCsv.asRead(result.trajectory(), floats));
        if (result.histogram().isPresent()) {
            writeText(dir.resolve(HISTOGRAM_FILE), TrajectoryCsv.formatCounts(result.histogram().get()));
        }
        write(dir.resolve(SUMMARY_FILE), RunFiles.summary(result, provenance));
    }

    private static boolean isFloat(String dtype) {
        return "float".equals(dtype);
    }

    public boolean isComplete(RunKey key) {
        return isCompleteRun(runDir(key));
    }

    /**
     * Whether a run folder holds a finished run: its summary.json (written last) and a trajectory.csv that is
     * whole. One cut short, by hand or by a disk, makes the run incomplete, so `run` trains it again.
     */
    public static boolean isCompleteRun(Path runDir) {
        return Files.isRegularFile(runDir.resolve(SUMMARY_FILE)) && TrajectoryCsv.looksWhole(runDir.resolve(TRAJECTORY_FILE));
    }

    public Set<RunKey> completeKeys() {
        Set<RunKey> keys = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(sweepDir.resolve("runs"))) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.matches("[0-9a-f]{16}") && isCompleteRun(dir)) {
                    keys.add(new RunKey(name));
                }
            }
        } catch (IOException e) {
            return keys;
        }
        return keys;
    }

    public RunRecord readRun(RunKey key) {
        Path dir = runDir(key);
        return RunFiles.record(readJson(dir.resolve(CONFIG_FILE), CONFIG_FORMAT),
                readJson(dir.resolve(SUMMARY_FILE), SUMMARY_FORMAT));
    }

    /** The complete runs among these keys, in the given order. */
    public List<RunRecord> readRuns(Collection<RunKey> keys) {
        List<RunRecord> records = new ArrayList<>();
        for (RunKey key : keys) {
            if (isComplete(key)) {
                records.add(readRun(key));
            }
        }
        return records;
    }

    /**
     * The finished files of a run (config, trajectory, summary, and pictures once drawn), by name, without
     * temporary files of writes in progress: what an MLflow mirror uploads as the run's artifacts.
     */
    public List<Path> runFiles(RunKey key) {
        try (Stream<Path> files = Files.walk(runDir(key))) {
            return files.filter(Files::isRegularFile).filter(f -> !AtomicFiles.isTemporary(f)).sorted().toList();
        } catch (IOException e) {
            throw new StoreException(runDir(key) + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** Where a run's files are. */
    public Path runDirectory(RunKey key) {
        return runDir(key);
    }

    /** What is wrong with the run's tables (trajectory, histogram), in one line, or nothing when they read. */
    public Optional<String> damage(RunKey key) {
        try {
            readTrajectory(key);
            readHistogram(key);
            return Optional.empty();
        } catch (StoreException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The run's trajectory.csv as a table; one this store wrote in this process is not read again. */
    public Trajectory readTrajectory(RunKey key) {
        Optional<Trajectory> recent = written.get(key);
        return recent.isPresent() ? recent.get() : readTable(key, runDir(key).resolve(TRAJECTORY_FILE));
    }

    /** The run's histogram.csv (G's output counts per bin at each log step), for experiments that write one. */
    public Optional<Trajectory> readHistogram(RunKey key) {
        Path file = runDir(key).resolve(HISTOGRAM_FILE);
        return Files.isRegularFile(file) ? Optional.of(readTable(key, file)) : Optional.empty();
    }

    private Trajectory readTable(RunKey key, Path file) {
        try {
            String dtype = readJson(runDir(key).resolve(SUMMARY_FILE), SUMMARY_FORMAT).path(DTYPE).asText();
            return TrajectoryCsv.parse(Files.readString(file), isFloat(dtype));
        } catch (IllegalArgumentException e) {
            throw new StoreException(file + ": damaged (" + e.getMessage() + "); delete the run's folder and run the "
                    + "sweep again to retrain it", true);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + IoErrors.bareReason(e), e);
        }
    }

    /**
     * Runs action holding the sweep's report lock, an advisory lock on .report.lock that the OS releases if
     * the process dies. Shards finishing together then refresh summary.csv and groups.csv one at a time, and
     * the last one has read every run the others wrote: the files end up complete, not from a stale reader.
     */
    public <T> T withReportLock(Supplier<T> action) {
        Path file = sweepDir.resolve(REPORT_LOCK);
        refuseLink(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new StoreException(file + ": cannot lock: " + e.getMessage(), e);
        }
    }

    public void writeSummaryCsv(List<RunRecord> records, List<String> varyingKeys) {
        writeText(sweepDir.resolve("summary.csv"), SummaryCsv.format(records, varyingKeys));
    }

    /** Atomic write of a report file into the sweep folder. */
    public Path writeText(String fileName, String content) {
        Path file = sweepDir.resolve(fileName);
        writeText(file, content);
        return file;
    }

    private static void writeText(Path file, String content) {
        try {
            AtomicFiles.writeString(file, content);
        } catch (UncheckedIOException e) {
            // Mid-sweep (disk full, folder gone read-only): say that nothing finished is lost.
            throw new StoreException(e.getMessage() + "; finished runs are kept: fix it and run the same command "
                    + "again to resume", e);
        }
    }

    private static void write(Path file, JsonNode node) {
        try {
            writeText(file, Json.mapper().writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new StoreException(file + ": cannot serialize: " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path file, String format) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + e.getMessage().split("\n")[0], e);
        }
        if (!format.equals(node.path(FORMAT).asText())) {
            throw new StoreException(file + ": format " + node.path(FORMAT) + " is not " + format, false);
        }
        return node;
    }
}
