package org.gansweep.record;

import java.nio.file.Path;

/** A separate process for ResultStoreTest: takes a sweep's report lock, says so, holds it for a while. */
final class ReportLockHolder {
    private ReportLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        ResultStore store = ResultStore.existing(Path.of(args[0]));
        long holdMillis = Long.parseLong(args[1]);
        store.withReportLock(() -> {
            System.out.println("locked");
            System.out.flush();
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }
}
