package org.gansweep.cli;

import java.util.List;
import java.util.Locale;
import org.gansweep.picture.PlotSelection;
import org.gansweep.record.RunRecord;

/**
 * Which seed runs go to MLflow ({@code --tracking-runs}); groups and the sweep always do. {@code all}: every
 * run. {@code sample}: in each group the first two runs (plan order) and the runs that did not converge, up to
 * ten, exactly the runs {@code --plots failed} draws, so the MLflow UI lists a readable number of seed runs
 * per group while the group runs count every seed. {@code none}: no seed run. Without the option, a sweep of
 * at most {@link #ALL_UP_TO} planned runs logs all, a larger one a sample: a seed run costs the server about
 * 0.1 s, and ten thousand of them would outlast the training many times.
 */
enum TrackedRuns {
    ALL, SAMPLE, NONE;

    static final int ALL_UP_TO = 200;

    /** The option's value (null: not given) for a sweep of {@code plannedRuns} runs. */
    static TrackedRuns parse(String value, int plannedRuns) {
        if (value == null) {
            return plannedRuns <= ALL_UP_TO ? ALL : SAMPLE;
        }
        for (TrackedRuns choice : values()) {
            if (choice.name().toLowerCase(Locale.ROOT).equals(value)) {
                return choice;
            }
        }
        throw new UsageException("--tracking-runs " + value + ": expected all, sample or none");
    }

    /** What the user is told after "logged N runs": which choice, and how to get the rest; "" for all. */
    String explain(int plannedRuns) {
        return switch (this) {
            case ALL -> "";
            case SAMPLE -> " (a sample of the sweep's " + plannedRuns + ": --tracking-runs sample; sync "
                    + "--tracking-runs all adds the rest)";
            case NONE -> " (--tracking-runs none: groups and the sweep only)";
        };
    }

    /**
     * The chosen ones among complete runs given in plan order; the order is kept. {@link ChosenAsTheyCome}
     * makes the same choice run by run while training goes on.
     */
    List<RunRecord> choose(List<RunRecord> records) {
        return switch (this) {
            case ALL -> List.copyOf(records);
            case SAMPLE -> PlotSelection.FAILED.select(records);
            case NONE -> List.of();
        };
    }
}
