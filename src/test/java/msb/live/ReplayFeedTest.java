package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import msb.core.UserInputException;
import msb.data.Bars;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {
    /** A clock whose sleeps advance time instantly and are recorded. */
    static final class FakeClock implements LiveClock {
        long nowMs;
        final List<Long> sleeps = new ArrayList<>();

        FakeClock(long nowMs) { this.nowMs = nowMs; }

        @Override public long nowMs() { return nowMs; }

        @Override public void sleepMs(long ms) {
            sleeps.add(ms);
            nowMs += ms;
        }
    }

    @Test
    void maxSpeedNeverWaitsAndEnds() throws Exception {
        Bars bars = Fakes.bars(5, 1_000_200);
        FakeClock clock = new FakeClock(0);
        ReplayFeed feed = new ReplayFeed(bars, null, Speed.MAX, clock);
        for (int i = 0; i < 5; i++) {
            var c = assertInstanceOf(FeedEvent.Closed.class, feed.next());
            assertEquals(bars.ts(i), c.bar().tsClose());
        }
        assertInstanceOf(FeedEvent.End.class, feed.next());
        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void sixtyTimesFasterWaitsFiveSecondsPerFiveMinuteBarMinusWorkTime() throws Exception {
        FakeClock clock = new FakeClock(0);
        ReplayFeed feed = new ReplayFeed(Fakes.bars(3, 1_000_200), null, Speed.parse("60x"), clock);
        feed.next();
        clock.nowMs += 1_000; // the runner spent 1 s on the bar
        feed.next();
        feed.next();
        assertEquals(List.of(4_000L, 5_000L), clock.sleeps);
    }

    @Test
    void skipThroughResumesAfterTheLastCompletedBar() throws Exception {
        Bars bars = Fakes.bars(10, 1_000_200);
        ReplayFeed feed = new ReplayFeed(bars, null, Speed.MAX, new FakeClock(0));
        feed.skipThrough(bars.ts(6));
        assertEquals(bars.ts(7), assertInstanceOf(FeedEvent.Closed.class, feed.next()).bar().tsClose());
    }

    @Test
    void speedParsing() {
        assertEquals(Speed.MAX, Speed.parse("max"));
        assertEquals(1.0, Speed.parse("realtime").factor());
        assertEquals(300_000, Speed.parse("realtime").waitMs(300));
        assertEquals(2.5, Speed.parse("2.5x").factor());
        assertThrows(UserInputException.class, () -> Speed.parse("fast"));
        assertThrows(UserInputException.class, () -> Speed.parse("0x"));
    }
}
