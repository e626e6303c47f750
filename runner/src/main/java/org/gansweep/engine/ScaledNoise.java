package org.gansweep.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gaussian noise of a per-run std (a trick's scale: instance noise, weight noise), drawn from each run's
 * own stream, so a run gets the same noise alone or in any batch. Runs whose std is 0 get exact zeros.
 */
public final class ScaledNoise {
    private final RunStream[] streams;
    private final double[] std;
    private final HostUpload upload;
    private final DataType dataType;

    public ScaledNoise(RunStream[] streams, double[] std, DataType dataType) {
        this.streams = streams.clone();
        this.std = std.clone();
        this.upload = new HostUpload(dataType);
        this.dataType = dataType;
    }

    /** {@code [R, rows, n]}: run r's entry k is std[r] times its normal draw first + k of (step, purpose). */
    public INDArray samples(long step, int purpose, long first, int rows, int n) {
        int runs = streams.length;
        int per = rows * n;
        double[] host = new double[runs * per];
        for (int r = 0; r < runs; r++) {
            if (std[r] == 0) {
                continue;
            }
            long block = streams[r].block(step, purpose);
            for (int k = 0; k < per; k++) {
                host[r * per + k] = std[r] * RunStream.normal(block, first + k);
            }
        }
        INDArray out = Nd4j.zeros(dataType, runs, rows, n);
        upload.copy(host, out);
        return out;
    }

    /** {@code [P, R]} (a parameter matrix): entry (p, r) is std[r] times draw first + p of (step, purpose). */
    public INDArray parameters(long step, int purpose, long first, int count) {
        int runs = streams.length;
        double[] host = new double[count * runs];
        for (int r = 0; r < runs; r++) {
            if (std[r] == 0) {
                continue;
            }
            long block = streams[r].block(step, purpose);
            for (int p = 0; p < count; p++) {
                host[p * runs + r] = std[r] * RunStream.normal(block, first + p);
            }
        }
        INDArray out = Nd4j.zeros(dataType, count, runs);
        upload.copy(host, out);
        return out;
    }
}
