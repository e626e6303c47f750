package org.gansweep.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies host-generated values (random draws, initial parameters) into a whole, contiguous ND4J array in
 * one bulk copy, converting to float where the batch runs in float. Reuses its float buffer between calls.
 */
public final class HostUpload {
    private final DataType dataType;
    private float[] floats = new float[0];

    public HostUpload(DataType dataType) {
        this.dataType = dataType;
    }

    public void copy(double[] values, INDArray target) {
        if (target.isView() || target.length() != values.length) {
            throw new IllegalArgumentException("upload needs a whole array of " + values.length + " values, got "
                    + java.util.Arrays.toString(target.shape()) + (target.isView() ? " view" : ""));
        }
        if (dataType == DataType.DOUBLE) {
            target.data().setData(values);
            return;
        }
        if (floats.length != values.length) {
            floats = new float[values.length];
        }
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        target.data().setData(floats);
    }
}
