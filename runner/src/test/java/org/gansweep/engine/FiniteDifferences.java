package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences of a loss over chosen rows of a [P, R] parameter matrix, against a gradient. */
public final class FiniteDifferences {
    public static final double H = 1e-6;

    private FiniteDifferences() {
    }

    public static List<Integer> allRows(INDArray params) {
        return IntStream.range(0, (int) params.rows()).boxed().toList();
    }

    /** About {@code count} rows at an even stride through every layer, and the last row. */
    public static SortedSet<Integer> evenSample(INDArray params, int count) {
        int rows = (int) params.rows();
        SortedSet<Integer> picked = new TreeSet<>();
        for (int p = 0; p < rows; p += Math.max(1, rows / count)) {
            picked.add(p);
        }
        picked.add(rows - 1);
        return picked;
    }

    /**
     * For each chosen row p and every run r: (loss(param + H) - loss(param - H)) / 2H equals gradient (p, r)
     * within {@code relative} times max(1, |numeric|). The parameter is restored after each probe.
     */
    public static void assertGradient(INDArray params, INDArray gradient, DoubleSupplier loss, Iterable<Integer> rows,
                                      double relative, String what) {
        for (int p : rows) {
            for (int r = 0; r < params.columns(); r++) {
                double original = params.getDouble(p, r);
                params.putScalar(p, r, original + H);
                double up = loss.getAsDouble();
                params.putScalar(p, r, original - H);
                double down = loss.getAsDouble();
                params.putScalar(p, r, original);
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, gradient.getDouble(p, r), relative * Math.max(1, Math.abs(numeric)),
                        what + " parameter " + p + " run " + r);
            }
        }
    }
}
