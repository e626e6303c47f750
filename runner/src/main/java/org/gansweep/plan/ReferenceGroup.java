package org.gansweep.plan;

import java.util.Optional;

/**
 * The group a sweep's other groups are compared with and how it was chosen, or, when there is none, why:
 * the group {@code compare_to} names, else the group with every swept parameter at its base-config value.
 * Immutable.
 *
 * @param group the reference group; empty when the sweep has none
 * @param note  how it was chosen, or why there is none, as the report's one line says it
 */
public record ReferenceGroup(Optional<GroupKey> group, String note) {
    public ReferenceGroup {
        if (note.isBlank()) {
            throw new IllegalArgumentException("note is blank");
        }
    }

    public static ReferenceGroup of(GroupKey group, String chosenBy) {
        return new ReferenceGroup(Optional.of(group), chosenBy);
    }

    public static ReferenceGroup none(String why) {
        return new ReferenceGroup(Optional.empty(), why);
    }
}
