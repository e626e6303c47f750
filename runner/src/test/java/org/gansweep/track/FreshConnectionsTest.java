package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class FreshConnectionsTest {
    @Test
    void aClientIsKeptWhileBusyAndDroppedAfterABrokenRequestOrAnIdleSpell() throws InterruptedException {
        FreshConnections connections = new FreshConnections();
        HttpClient first = connections.acquire();
        connections.release(first, false);
        HttpClient second = connections.acquire();
        assertSame(first, second, "back-to-back requests share the pool");
        HttpClient concurrent = connections.acquire();
        assertSame(first, concurrent);
        connections.release(concurrent, true);
        connections.release(second, false);
        HttpClient afterBreak = connections.acquire();
        assertNotSame(first, afterBreak, "a connection failed: the pool is not trusted again");
        connections.release(afterBreak, false);
        // Longer than the idle limit on the monotonic clock: whatever the pool holds may be closed by the server.
        Thread.sleep(FreshConnections.IDLE.toMillis() + 100);
        HttpClient afterIdle = connections.acquire();
        assertNotSame(afterBreak, afterIdle, "idle connections are not reused");
        connections.release(afterIdle, false);
    }

    @Test
    void aNewPoolIsStartedEveryFewRequestsSoTheServersWorkersShareTheLoad() {
        FreshConnections connections = new FreshConnections();
        HttpClient first = connections.acquire();
        connections.release(first, false);
        for (int i = 1; i < FreshConnections.REQUESTS_PER_POOL; i++) {
            HttpClient same = connections.acquire();
            assertSame(first, same, "request " + i);
            connections.release(same, false);
        }
        HttpClient next = connections.acquire();
        assertNotSame(first, next, "after " + FreshConnections.REQUESTS_PER_POOL + " requests");
        connections.release(next, false);
    }
}
