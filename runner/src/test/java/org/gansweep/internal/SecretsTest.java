package org.gansweep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Secrets masks, and what ordinary output it leaves alone. */
class SecretsTest {
    @Test
    void registeredValuesAndCredentialShapesAreMasked() {
        Secrets.register("hunter2-registered");
        assertEquals("password was *** here", Secrets.scrub("password was hunter2-registered here"));
        assertEquals("MLflow at http://***@mlflow.example:5000: connection refused",
                Secrets.scrub("MLflow at http://alice:pw@mlflow.example:5000: connection refused"));
        assertEquals("server said: Authorization: Bearer ***", Secrets.scrub("server said: Authorization: Bearer "
                + "eyJhbGciOiJIUzI1NiJ9.payload"));
        assertEquals("{\"token\": \"***\", \"password\"=***}",
                Secrets.scrub("{\"token\": \"abc123xyz\", \"password\"=letmein}"));
    }

    @Test
    void ordinaryOutputIsLeftAlone() {
        String[] lines = {
            "[========================] 2/2 runs  122 run-steps/s  elapsed 0:00  ETA 0:00",
            "sweep tiny: 2 of 2 runs complete, 1 groups",
            "basic usage: gansweep run sweeps/quickstart.json",
            "  gaussian             0.0              4          0.05  20   1  0.050  [0.009, 0.236]",
            "MLflow: logged 2 runs and the group totals to http://127.0.0.1:5055",
        };
        for (String line : lines) {
            assertEquals(line, Secrets.scrub(line));
        }
    }

    @Test
    void theScrubbingStreamMasksWholeLinesAndPassesTheRestThrough() {
        Secrets.register("s3cret-stream-value");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Secrets.scrubbing(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.print("\r[==] 1/2 runs");
        out.print(" key s3cret-stream-value end\n");
        out.print("no newline yet: s3cret-stream-value");
        out.flush();
        assertEquals("\r[==] 1/2 runs key *** end\nno newline yet: ***", bytes.toString(StandardCharsets.UTF_8));
    }
}
