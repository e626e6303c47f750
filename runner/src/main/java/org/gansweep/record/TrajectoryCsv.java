package org.gansweep.record;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.io.NumberOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.gansweep.engine.Trajectory;

/**
 * trajectory.csv: a header of column names (step first), then one row per log point. Numbers use the
 * shortest text that reads back to the same value (Jackson's Schubfach writer: several times faster than
 * JDK 17's Double.toString, and the same text on every JDK). A float run's values are all floats, so they
 * are written in float's shortest form ("0.1", not "0.10000000149011612") and read back as floats: both
 * exact. Steps print as integers.
 */
final class TrajectoryCsv {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private TrajectoryCsv() {
    }

    /** A table of counts (histogram.csv): every cell an integer, read back exactly as float or double. */
    static String formatCounts(Trajectory counts) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(counts.columns());
            List<String> cells = new ArrayList<>();
            for (double[] row : counts.rows()) {
                cells.clear();
                for (double v : row) {
                    cells.add(Long.toString((long) v));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String format(Trajectory trajectory, boolean floats) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(trajectory.columns());
            List<String> cells = new ArrayList<>();
            for (double[] row : trajectory.rows()) {
                cells.clear();
                cells.add(Long.toString((long) row[0]));
                for (int c = 1; c < row.length; c++) {
                    cells.add(floats ? NumberOutput.toString((float) row[c], true) : NumberOutput.toString(row[c], true));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The trajectory as reading its file back gives it, without writing or parsing text: steps as whole
     * numbers, in a float run every value rounded to float (the shortest text of a float, or of a double,
     * reads back as exactly that number), every NaN the one NaN.
     */
    static Trajectory asRead(Trajectory trajectory, boolean floats) {
        List<double[]> rows = new ArrayList<>(trajectory.size());
        for (double[] written : trajectory.rows()) {
            double[] row = new double[written.length];
            row[0] = floats ? (float) (long) written[0] : (double) (long) written[0];
            for (int c = 1; c < row.length; c++) {
                // A NaN's text is "NaN", whatever its bits were.
                row[c] = Double.isNaN(written[c]) ? Double.NaN : floats ? (float) written[c] : written[c];
            }
            rows.add(row);
        }
        return new Trajectory(trajectory.columns(), rows);
    }

    /**
     * The table in text; a damaged one (empty, cut short, a row of the wrong width, a value that is not a
     * number) throws IllegalArgumentException saying where, in a user's words.
     */
    static Trajectory parse(String text, boolean floats) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("cut short: the last line does not end");
        }
        Trajectory plain = parsePlain(text, floats);
        if (plain != null) {
            return plain;
        }
        List<CSVRecord> records;
        try {
            records = FORMAT.parse(new StringReader(text)).getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not CSV");
        }
        List<String> columns = records.get(0).toList();
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            long line = record.getRecordNumber();
            if (record.size() != columns.size()) {
                throw new IllegalArgumentException("line " + line + " has " + record.size() + " of " + columns.size()
                        + " values");
            }
            double[] row = new double[columns.size()];
            for (int c = 0; c < row.length; c++) {
                try {
                    row[c] = floats ? Float.parseFloat(record.get(c)) : Double.parseDouble(record.get(c));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ", column " + columns.get(c) + ": '"
                            + record.get(c) + "' is not a number");
                }
            }
            rows.add(row);
        }
        return new Trajectory(columns, rows);
    }

    /**
     * The table as {@link #parse} reads it, for text as gansweep writes it (no quotes, no blank lines, every
     * row as wide as the header, numbers only), by splitting at commas and newlines: the CSV parser cost more
     * than drawing when pictures read a sweep's trajectories. Null for anything else, which parse then reads
     * (and names what is wrong with).
     */
    private static Trajectory parsePlain(String text, boolean floats) {
        if (text.indexOf('"') >= 0 || text.indexOf('\r') >= 0) {
            return null;
        }
        int end = text.indexOf('\n');
        List<String> columns = List.of(text.substring(0, end).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int start = end + 1; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            double[] row = new double[columns.size()];
            int cell = start;
            for (int c = 0; c < row.length; c++) {
                int comma = c < row.length - 1 ? text.indexOf(',', cell) : end;
                if (comma < 0 || comma > end) {
                    return null;
                }
                try {
                    String value = text.substring(cell, comma);
                    row[c] = floats ? Float.parseFloat(value) : Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return null;
                }
                cell = comma + 1;
            }
            rows.add(row);
        }
        return new Trajectory(columns, rows);
    }

    /** Whether a table file looks whole without parsing it: not empty, its last line ended (writes are atomic). */
    static boolean looksWhole(java.nio.file.Path file) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        } catch (IOException e) {
            return false;
        }
    }
}
