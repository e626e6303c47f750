package org.gansweep.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gansweep.engine.Trajectory;
import org.junit.jupiter.api.Test;

/** trajectory.csv reads back what was written, and a damaged one is named by line and column. */
class TrajectoryCsvTest {
    private static final Trajectory TABLE = new Trajectory(List.of("step", "w", "loss"), List.of(
            new double[] {0, 0.1f, Float.NaN}, new double[] {10, -3.25e-7f, Float.POSITIVE_INFINITY},
            new double[] {20, 1.0f / 3, 12345.678f}));

    @Test
    void writtenTablesReadBackBitForBit() {
        for (boolean floats : new boolean[] {true, false}) {
            Trajectory read = TrajectoryCsv.parse(TrajectoryCsv.format(TABLE, floats), floats);
            assertEquals(TABLE.columns(), read.columns());
            for (int r = 0; r < TABLE.rows().size(); r++) {
                assertArrayEquals(TABLE.rows().get(r), read.rows().get(r));
            }
        }
    }

    /**
     * What a store hands back for a run it wrote in this process, without text: exactly the table its file
     * reads as, for values that are not floats (doubles, in a float run), at the edges of float's range,
     * negative zero, NaN, infinities, and steps held as doubles.
     */
    @Test
    void tablesAsReadEqualTheirFilesReadBack() {
        java.util.Random random = new java.util.Random(11);
        List<double[]> rows = new java.util.ArrayList<>();
        double[] special = {-0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e-46, Float.MIN_VALUE,
            Float.MAX_VALUE, 3.5e38, 1e300, 0.1, 1.0 / 3, -2.5e-9, Double.longBitsToDouble(0xFFF0000000000123L)};
        for (int r = 0; r < 200; r++) {
            double[] row = new double[4];
            row[0] = 25 * r;
            row[1] = special[r % special.length];
            row[2] = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
            row[3] = Double.longBitsToDouble(random.nextLong());
            rows.add(row);
        }
        Trajectory table = new Trajectory(List.of("step", "a", "b", "c"), rows);
        for (boolean floats : new boolean[] {true, false}) {
            Trajectory read = TrajectoryCsv.parse(TrajectoryCsv.format(table, floats), floats);
            Trajectory asRead = TrajectoryCsv.asRead(table, floats);
            assertEquals(read.columns(), asRead.columns());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(Double.doubleToRawLongBits(read.rows().get(r)[c]),
                            Double.doubleToRawLongBits(asRead.rows().get(r)[c]),
                            "floats " + floats + ", row " + r + ", column " + c + ": " + rows.get(r)[c]);
                }
            }
        }
    }

    @Test
    void quotedCellsAndBlankLinesReadAsCsv() {
        Trajectory read = TrajectoryCsv.parse("\"step\",w\n\n0,\"1.5\"\n", false);
        assertEquals(List.of("step", "w"), read.columns());
        assertArrayEquals(new double[] {0, 1.5}, read.rows().get(0));
    }

    @Test
    void damagedTablesNameTheLineAndColumn() {
        assertEquals("line 3 has 2 of 3 values", assertThrows(IllegalArgumentException.class,
                () -> TrajectoryCsv.parse("step,w,loss\n0,1,2\n10,1\n", false)).getMessage());
        assertEquals("line 2 has 4 of 3 values", assertThrows(IllegalArgumentException.class,
                () -> TrajectoryCsv.parse("step,w,loss\n0,1,2,3\n", false)).getMessage());
        assertEquals("line 2, column w: 'x1' is not a number", assertThrows(IllegalArgumentException.class,
                () -> TrajectoryCsv.parse("step,w,loss\n0,x1,2\n", true)).getMessage());
    }
}
