package org.gansweep.plan;

/** A group's identity: the content hash of a run's experiment and resolved config without its seed. */
public record GroupKey(String value) implements Comparable<GroupKey> {
    public GroupKey {
        if (value == null || value.length() != 16) {
            throw new IllegalArgumentException("group key should be 16 hex digits, got " + value);
        }
    }

    @Override
    public int compareTo(GroupKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
