package org.gansweep.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.gansweep.internal.Hashing;
import org.gansweep.internal.Json;

/**
 * The one place run and group keys are computed. A key hashes the experiment and the canonical JSON of
 * the resolved config (sorted keys, normalized numbers), so it depends on what runs, never on which sweep
 * or spec text asked for it.
 */
public final class RunKeys {
    private RunKeys() {
    }

    public static RunKey run(String experiment, ResolvedConfig config, long seed) {
        return new RunKey(hash("gansweep/run/v1\n" + experiment + "\n" + canonical(config) + "\nseed=" + seed));
    }

    public static GroupKey group(String experiment, ResolvedConfig config) {
        return new GroupKey(hash("gansweep/group/v1\n" + experiment + "\n" + canonical(config)));
    }

    public static String canonical(ResolvedConfig config) {
        try {
            return Json.compact().writeValueAsString(config.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scalars always serialize", e);
        }
    }

    private static String hash(String text) {
        return Hashing.sha256Hex(text).substring(0, 16);
    }
}
