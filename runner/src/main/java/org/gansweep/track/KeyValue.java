package org.gansweep.track;

/** A param or a tag: MLflow stores both as string pairs. */
public record KeyValue(String key, String value) {
    public KeyValue {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
    }
}
