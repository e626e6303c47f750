package org.gansweep.engine.dirac;

import java.util.Arrays;
import org.gansweep.engine.HostUpload;
import org.gansweep.engine.RunStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link DiracDraws}' samples n1, n2 and their weights as {@code [D, R]} ND4J arrays for the ND4J kernel,
 * uploaded after every fresh Monte Carlo draw (quadrature's nodes once).
 */
final class DiracNoise {
    final int rows;
    final INDArray n1;
    final INDArray n2;
    final INDArray weights;
    private final DiracDraws host;
    private final INDArray draws;
    private final HostUpload upload;
    private final boolean monteCarlo;

    DiracNoise(RunStream[] streams, boolean monteCarlo, int rows, DataType dataType) {
        this.monteCarlo = monteCarlo;
        this.rows = rows;
        int runs = streams.length;
        host = new DiracDraws(streams, monteCarlo, rows, dataType == DataType.FLOAT);
        upload = new HostUpload(dataType);
        draws = Nd4j.zeros(dataType, 2L * rows, runs);
        n1 = draws.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        n2 = draws.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all());
        weights = Nd4j.zeros(dataType, rows, runs);
        double[] w = new double[rows * runs];
        for (int i = 0; i < rows; i++) {
            Arrays.fill(w, i * runs, (i + 1) * runs, host.weights[i]);
        }
        upload.copy(w, weights);
        if (!monteCarlo) {
            upload.copy(host.samples, draws);
        }
    }

    /** Fresh Monte Carlo draws for one field evaluation (the evaluation-th of each run); quadrature keeps its nodes. */
    void prepare(long evaluation) {
        if (monteCarlo) {
            host.prepare(evaluation);
            upload.copy(host.samples, draws);
        }
    }
}
