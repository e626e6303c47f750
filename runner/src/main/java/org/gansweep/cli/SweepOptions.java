package org.gansweep.cli;

import com.beust.jcommander.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.engine.Experiments;
import org.gansweep.plan.Planner;
import org.gansweep.plan.RunPlan;
import org.gansweep.plan.Shard;
import org.gansweep.spec.SpecReader;

/** Options shared by plan and run: the spec, where results go, which shard, how big a sweep may be. */
class SweepOptions {
    static final long DEFAULT_MAX_RUNS = 100_000;

    @Parameter(description = "SWEEP.json", required = true)
    List<String> spec = new ArrayList<>();

    @Parameter(names = "--results", description = "results root folder")
    String results = "results";

    @Parameter(names = "--shard", description = "i/n: this process does runs p with p mod n == i (0-based)")
    String shard = "0/1";

    @Parameter(names = "--max-runs", description = "refuse sweeps that expand to more runs than this")
    long maxRuns = DEFAULT_MAX_RUNS;

    @Parameter(names = {"-h", "--help"}, help = true, description = "this help")
    boolean help;

    public boolean help() {
        return help;
    }

    /** The whole plan; shard() gives this process's part. */
    RunPlan plan() {
        // JCommander takes an unknown --option for a second file name; say what it is instead.
        for (String argument : spec) {
            if (argument.startsWith("-") && argument.length() > 1) {
                throw new UsageException(argument + ": unknown option; see gansweep <command> --help");
            }
        }
        if (spec.size() != 1) {
            throw new UsageException("expected exactly one SWEEP.json, got " + spec.size() + " arguments");
        }
        if (maxRuns < 1) {
            throw new UsageException("--max-runs " + maxRuns + ": expected a positive integer");
        }
        Shard.parse(shard);
        return new Planner(Experiments.schemas()).plan(SpecReader.read(Path.of(spec.get(0))), maxRuns);
    }

    Shard shard() {
        return Shard.parse(shard);
    }
}
