package org.gansweep.engine;

import java.util.List;
import org.gansweep.plan.PlannedRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-run hyperparameters of a batch as rows: entry r is run r's value. This is how a sweep's varying
 * parameters enter the tensor program (one array, one column per run) instead of one program per value.
 */
public final class RunColumns {
    private final List<PlannedRun> runs;
    private final DataType dataType;

    public RunColumns(List<PlannedRun> runs, DataType dataType) {
        this.runs = List.copyOf(runs);
        this.dataType = dataType;
    }

    public double[] values(String parameter) {
        double[] values = new double[runs.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = runs.get(r).config().real(parameter);
        }
        return values;
    }

    public boolean[] flags(String parameter) {
        boolean[] values = new boolean[runs.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = runs.get(r).config().flag(parameter);
        }
        return values;
    }

    /** A length-R array of one parameter's per-run values, in the batch's dtype. */
    public INDArray row(String parameter) {
        return row(values(parameter));
    }

    public INDArray row(double[] values) {
        return Nd4j.createFromArray(values).castTo(dataType);
    }

    /** A length-R array holding one value for every run. */
    public INDArray constant(double value) {
        return Nd4j.valueArrayOf(new long[] {runs.size()}, value, dataType);
    }

    public boolean any(String parameter, java.util.function.DoublePredicate test) {
        for (double v : values(parameter)) {
            if (test.test(v)) {
                return true;
            }
        }
        return false;
    }
}
