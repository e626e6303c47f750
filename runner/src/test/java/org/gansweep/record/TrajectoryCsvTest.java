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
