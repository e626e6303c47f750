package org.gansweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gansweep.plan.PlannedRun;
import org.junit.jupiter.api.Test;

/** How a batch is cut into chunks: in order, every run once, as even as the chunk size and threads allow. */
class LaneChunksTest {
    private static List<Integer> sizes(int runs, int threads, int chunkSize) {
        List<PlannedRun> batch = Arrays.asList(new PlannedRun[runs]);
        List<Integer> sizes = new ArrayList<>();
        int covered = 0;
        for (List<PlannedRun> chunk : LaneChunks.chunks(batch, threads, chunkSize)) {
            sizes.add(chunk.size());
            covered += chunk.size();
        }
        assertEquals(runs, covered);
        return sizes;
    }

    @Test
    void chunksAreEvenAtMostTheChunkSizeAndAtLeastOnePerThread() {
        assertEquals(List.of(60, 60), sizes(120, 2, 256));
        assertEquals(List.of(250, 250, 250, 250), sizes(1000, 2, 256));
        assertEquals(List.of(29, 29, 29, 29, 29, 29, 26), sizes(200, 2, 32));
        assertEquals(List.of(10, 10), sizes(20, 1, 16));
    }

    @Test
    void smallBatchesShareTheThreadsAsTheyAre() {
        assertEquals(List.of(3, 2), sizes(5, 2, 256));
        assertEquals(List.of(1), sizes(1, 2, 256));
        assertEquals(List.of(7), sizes(7, 1, 256));
    }
}
