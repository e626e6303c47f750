package org.gansweep;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one rule for tests that need something outside the JVM (an MLflow server, headless Chromium, root for
 * a tmpfs): on a developer machine a missing service skips the test with a one-line reason; under CI it fails
 * it, since there a missing service is a broken set-up (scripts/test installs and starts them), not a pass.
 * CI means the environment variable CI set to anything but empty or "false" (CI services set it), or
 * GANSWEEP_CI=1.
 */
public final class Services {
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Services() {
    }

    /** True under CI, where every service the suite needs must be there. */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        boolean ciSet = ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
        return ciSet || "1".equals(System.getenv("GANSWEEP_CI"));
    }

    /**
     * Returns when the service is available; otherwise skips the calling test with the reason (printed once
     * per test class), or fails it under CI. The reason is one line saying what is missing and how to get it.
     * Call it from the test or a @BeforeEach: surefire drops the tests of a class skipped in @BeforeAll from
     * its counts.
     */
    public static void require(boolean available, String reason) {
        if (available) {
            return;
        }
        if (underCi()) {
            fail("required under CI: " + reason);
        }
        // Surefire reports skips at WARN, which mvn -q hides; this line reaches the console either way, once.
        String line = "SKIPPED " + testClass() + ": " + reason;
        if (REPORTED.add(line)) {
            System.err.println(line);
        }
        assumeTrue(false, reason);
    }

    /** The simple name of the test class that asked, through helpers such as MlflowTestServer. */
    private static String testClass() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(f -> f.getDeclaringClass().getSimpleName()).filter(n -> n.endsWith("Test")).findFirst()
                .orElse("a test"));
    }
}
