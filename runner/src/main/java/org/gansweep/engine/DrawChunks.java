package org.gansweep.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Random draws for many consecutive updates, generated on the host and copied to the tensor backend in one
 * transfer per chunk instead of one per update (on CUDA a per-step host-to-device copy would stall every
 * step). Update u's draws are the rows [u' rows, (u' + 1) rows) of the chunk holding u, as a view.
 */
public final class DrawChunks {
    /** Fills a [rows, R] row-major block with one update's draws. */
    @FunctionalInterface
    public interface Filler {
        void fill(long update, double[] block, int offset);
    }

    private final int rows;
    private final int runs;
    private final int updatesPerChunk;
    private final Filler filler;
    private final HostUpload upload;
    private final INDArray chunk;
    private final INDArray[] views;
    private final double[] host;
    private long firstUpdate = -1;

    public DrawChunks(int rows, int runs, int updatesPerChunk, DataType dataType, Filler filler) {
        this.rows = rows;
        this.runs = runs;
        this.updatesPerChunk = updatesPerChunk;
        this.filler = filler;
        this.upload = new HostUpload(dataType);
        this.chunk = Nd4j.zeros(dataType, (long) rows * updatesPerChunk, runs);
        this.host = new double[rows * updatesPerChunk * runs];
        this.views = new INDArray[updatesPerChunk];
        for (int u = 0; u < updatesPerChunk; u++) {
            views[u] = chunk.get(NDArrayIndex.interval((long) u * rows, (long) (u + 1) * rows), NDArrayIndex.all());
        }
    }

    /** The [rows, R] draws of this update; updates must be asked for in increasing order. */
    public INDArray of(long update) {
        if (firstUpdate < 0 || update >= firstUpdate + updatesPerChunk || update < firstUpdate) {
            firstUpdate = update;
            java.util.Arrays.fill(host, 0.0);
            for (int u = 0; u < updatesPerChunk; u++) {
                filler.fill(update + u, host, u * rows * runs);
            }
            upload.copy(host, chunk);
        }
        return views[(int) (update - firstUpdate)];
    }
}
