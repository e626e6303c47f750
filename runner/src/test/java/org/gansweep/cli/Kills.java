package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/** Timing helpers of the kill -9 tests: waiting on a child gansweep process, and random pauses. */
final class Kills {
    private static final long PATIENCE_MILLIS = 120_000;

    private Kills() {
    }

    /** Polls every millisecond until the condition holds (true) or the child exits first (false). */
    static boolean await(ChildRun child, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!child.process().isAlive()) {
                return condition.getAsBoolean();
            }
            Thread.sleep(1);
        }
        fail("timed out waiting on a child gansweep process");
        return false;
    }

    /** Always true, so that it can end a chain of conditions that arm a kill. */
    static boolean pause(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        return true;
    }

    /** What the child printed so far; "" while its log cannot be read. */
    static String output(ChildRun child) {
        try {
            return child.output();
        } catch (IOException e) {
            return "";
        }
    }

    /** A count read from a folder that may be mid-rename; 0 when the listing failed (the next poll sees it). */
    static int count(IoCount count) {
        try {
            return count.get();
        } catch (IOException e) {
            return 0;
        }
    }

    @FunctionalInterface
    interface IoCount {
        int get() throws IOException;
    }
}
