package org.gansweep.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats and where each goes: text to the terminal, md and csv to files in the sweep folder. */
public enum ReportFormatType {
    TEXT(null), MD("report.md"), CSV("groups.csv");

    private final String fileName;

    ReportFormatType(String fileName) {
        this.fileName = fileName;
    }

    /** The file this format is written to in the sweep folder, or null for the terminal. */
    public java.util.Optional<String> fileName() {
        return java.util.Optional.ofNullable(fileName);
    }

    public ReportFormat format() {
        return switch (this) {
            case TEXT -> new TextReport();
            case MD -> new MarkdownReport();
            case CSV -> new CsvReport();
        };
    }

    public static ReportFormatType parse(String name) {
        for (ReportFormatType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("--format " + name + ": expected one of " + Arrays.stream(values())
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
