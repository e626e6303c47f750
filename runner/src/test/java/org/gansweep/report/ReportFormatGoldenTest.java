package org.gansweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.plan.ReferenceGroup;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKeys;
import org.gansweep.record.Provenance;
import org.gansweep.record.RunRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every report format against a golden file, from fixed hand-made runs (3 groups, every outcome). A change
 * to a golden file is a change to a format users and scripts read: update it on purpose
 * (-Dgansweep.golden.update=true writes the current output) and say so in the commit.
 */
class ReportFormatGoldenTest {
    private static final Provenance PROVENANCE = new Provenance("0.1.0", "fixed", "cpu", "float", "cpu", "17", "Linux",
            "amd64", 1.0, 10);

    private static SweepReport report() {
        return report(List.of(), true);
    }

    private static SweepReport report(List<String> finalColumns, boolean compared) {
        List<RunRecord> records = new ArrayList<>();
        Outcome[][] outcomes = {
            {Outcome.CONVERGED, Outcome.CONVERGED, Outcome.CONVERGED, Outcome.OSCILLATING},
            {Outcome.CONVERGED, Outcome.OSCILLATING, Outcome.DIVERGED, Outcome.OSCILLATING},
            {Outcome.DIVERGED, Outcome.COLLAPSED, Outcome.OSCILLATING, Outcome.OSCILLATING}};
        double[] easing = {0.0, 0.1, 0.2};
        for (int g = 0; g < 3; g++) {
            ResolvedConfig config = new ResolvedConfig(new TreeMap<>(Map.of("easing", easing[g], "steps", 1000L)));
            for (int s = 0; s < 4; s++) {
                Outcome o = outcomes[g][s];
                records.add(new RunRecord(RunKeys.run("toy", config, s), RunKeys.group("toy", config), "toy", config, s, o,
                        o == Outcome.CONVERGED ? OptionalLong.of(100L * (s + 1) + 10L * g) : OptionalLong.empty(), 1000,
                        o == Outcome.DIVERGED ? OptionalLong.of(500) : OptionalLong.empty(),
                        Map.of("w", 0.01 * (s + 1) - g, "b", 1 + 0.001 * s), PROVENANCE));
            }
        }
        // The reference is the first group (easing 0.0), as the planner would pick it at the defaults.
        return Grouping.summarize("golden", records, List.of("easing"), 14, finalColumns, compared
                ? ReferenceGroup.of(records.get(0).group(), "every swept parameter at its default")
                : ReferenceGroup.none("no group has every swept parameter at its default"));
    }

    @org.junit.jupiter.api.Test
    void anExperimentsHeadlineMetricsAppearAsGroupMediansAndMissingOnesAsDashes() throws IOException {
        StringBuilder out = new StringBuilder();
        ReportFormatType.TEXT.format().write(report(List.of("w", "absent"), false), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("median_w", "median_absent"), lastTwo(lines.get(2)));
        // w = 0.01 (s + 1) - g over 4 seeds: medians 0.025, -0.975, -1.975.
        assertEquals(List.of("0.02500", "-"), lastTwo(lines.get(3)));
        assertEquals(List.of("-0.9750", "-"), lastTwo(lines.get(4)));
        assertEquals(List.of("-1.975", "-"), lastTwo(lines.get(5)));
    }

    @org.junit.jupiter.api.Test
    void withoutAReferenceGroupOneLineSaysWhyAndNoComparisonColumnsAppear() throws IOException {
        for (ReportFormatType type : ReportFormatType.values()) {
            StringBuilder out = new StringBuilder();
            type.format().write(report(List.of(), false), out);
            String text = out.toString();
            assertEquals(!type.equals(ReportFormatType.CSV), text.contains(
                    "No comparison columns: no group has every swept parameter at its default."), type + ": " + text);
            assertEquals(false, text.contains("vs_ref"), type + ": " + text);
        }
    }

    private static List<String> lastTwo(String line) {
        String[] cells = line.strip().split(" +");
        return List.of(cells[cells.length - 2], cells[cells.length - 1]);
    }

    @ParameterizedTest
    @EnumSource(ReportFormatType.class)
    void formatMatchesItsGoldenFile(ReportFormatType type) throws IOException {
        StringBuilder out = new StringBuilder();
        type.format().write(report(), out);
        String name = "golden-" + type.name().toLowerCase(java.util.Locale.ROOT) + ".txt";
        if (Boolean.getBoolean("gansweep.golden.update")) {
            Files.writeString(Path.of("src/test/resources/org/gansweep/report").resolve(name), out.toString());
        }
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), out.toString());
        }
    }
}
