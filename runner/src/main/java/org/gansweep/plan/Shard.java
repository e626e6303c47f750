package org.gansweep.plan;

/**
 * Shard i of n (0-based): the runs at plan positions p with p mod n == i. Shards are disjoint, their union
 * is the plan, and sizes differ by at most one. Immutable.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new PlanException("--shard " + index + "/" + count + ": expected i/n with 0 <= i < n");
        }
    }

    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new PlanException("--shard " + text + ": expected i/n with 0 <= i < n");
    }

    public boolean contains(int position) {
        return position % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
