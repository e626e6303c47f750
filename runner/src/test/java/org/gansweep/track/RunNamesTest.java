package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunNamesTest {
    private static final List<String> POINT_TRICKS = List.of("d_weight_decay", "easing", "fake_weight",
            "noise_samples", "weight_noise");
    private static final Map<String, Object> DEFAULTS = Map.of("d_weight_decay", 0.0, "easing", 0.0, "fake_weight",
            1.0, "noise_samples", 1L, "weight_noise", 0.0);

    private static Map<String, Object> values(double decay, double easing, double fake, long samples, double noise) {
        return new TreeMap<>(Map.of("d_weight_decay", decay, "easing", easing, "fake_weight", fake, "noise_samples",
                samples, "weight_noise", noise));
    }

    @Test
    void namesShowOnlyWhatDiffersFromTheDefaultsWithKeysCutToInitials() {
        RunNames names = new RunNames(POINT_TRICKS, DEFAULTS);
        assertEquals("defaults", names.group(values(0.0, 0.0, 1.0, 1, 0.0)));
        assertEquals("easing=0.1", names.group(values(0.0, 0.1, 1.0, 1, 0.0)));
        assertEquals("ns=4 wn=1.5", names.group(values(0.0, 0.0, 1.0, 4, 1.5)));
        assertEquals("dwd=0.001 ns=4 wn=1.5 s7", names.seed(values(0.001, 0.0, 1.0, 4, 1.5), 7));
        // An integer default matches the same value read back as a double.
        assertEquals("defaults s0", names.seed(new TreeMap<>(Map.of("noise_samples", 1.0)), 0));
    }

    @Test
    void keysWhoseInitialsCollideKeepTheirFullNamesAndDigitsStay() {
        assertEquals("r1g", RunNames.initials("r1_gamma"));
        assertEquals("eos", RunNames.initials("easing_one_sided"));
        assertEquals("lr", RunNames.initials("lr"));
        RunNames names = new RunNames(List.of("lr_d", "lr_g", "log_decay"), Map.of());
        // lr_d and log_decay both read "ld"; lr_g's "lg" is its own.
        assertEquals("lr_d=0.1 lg=0.2 log_decay=1", names.group(new TreeMap<>(Map.of("lr_d", 0.1, "lr_g", 0.2,
                "log_decay", 1))));
    }
}
