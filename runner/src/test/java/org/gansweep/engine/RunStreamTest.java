package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunStreamTest {
    @Test
    void drawsDependOnlyOnSeedStepPurposeAndIndex() {
        long a = new RunStream(7).block(3, 1);
        long b = new RunStream(7).block(3, 1);
        assertEquals(RunStream.uniform(a, 5), RunStream.uniform(b, 5));
        assertNotEquals(RunStream.uniform(a, 5), RunStream.uniform(new RunStream(8).block(3, 1), 5));
        assertNotEquals(RunStream.uniform(a, 5), RunStream.uniform(new RunStream(7).block(4, 1), 5));
        assertNotEquals(RunStream.uniform(a, 5), RunStream.uniform(new RunStream(7).block(3, 2), 5));
        assertNotEquals(RunStream.uniform(a, 5), RunStream.uniform(a, 6));
    }

    @Test
    void firstDrawsOfSeedZeroArePinned() {
        // Pinned so that a change to the generator, which would change every stored trajectory, is seen.
        long block = new RunStream(0).block(0, 0);
        assertEquals(0.3711397678090098, RunStream.uniform(block, 0), 0.0);
        assertEquals(-0.9217367036781751, RunStream.normal(block, 0), 0.0);
    }

    @Test
    void uniformsAndNormalsHaveTheRightMoments() {
        long block = new RunStream(123).block(0, 0);
        int n = 200_000;
        double sumU = 0;
        double sumN = 0;
        double sumN2 = 0;
        for (int i = 0; i < n; i++) {
            double u = RunStream.uniform(block, i, -1, 1);
            assertTrue(u >= -1 && u < 1);
            sumU += u;
            double z = RunStream.normal(block, i);
            sumN += z;
            sumN2 += z * z;
        }
        assertEquals(0, sumU / n, 0.01);
        assertEquals(0, sumN / n, 0.01);
        assertEquals(1, sumN2 / n, 0.01);
    }
}
