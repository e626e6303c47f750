package org.gansweep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;

/**
 * The runs whose tables still read, for the commands that read them (pictures, sync): a run damaged after
 * the fact is left out and named with what is wrong, rather than stopping the command for every other run.
 */
final class ReadableRuns {
    private ReadableRuns() {
    }

    static List<RunRecord> of(ResultStore store, List<RunRecord> records, String command, PrintStream err) {
        List<RunRecord> readable = new ArrayList<>();
        for (RunRecord record : records) {
            Optional<String> damage = store.damage(record.key());
            if (damage.isPresent()) {
                err.println(command + ": skipped run " + record.key().value() + ": " + damage.get());
            } else {
                readable.add(record);
            }
        }
        return readable;
    }
}
