package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.Timeframe;
import msb.data.Bar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperliquidFeedTest {
    private static final long CLOSE = 1_699_999_800L; // a 5m boundary
    private static final long START_MS = CLOSE * 1000 + 10_000; // 10 s after that close
    private static final HyperliquidFeed.Options OPTIONS = new HyperliquidFeed.Options(2_000, 60_000, 500, 8_000);

    private HyperliquidStub stub;

    @BeforeEach
    void start() throws IOException { stub = new HyperliquidStub(new HyperliquidStub.Clock(START_MS)); }

    @AfterEach
    void stop() { stub.close(); }

    private HyperliquidFeed feed(VenueSource venue) { return new HyperliquidFeed(venue, Timeframe.M5, OPTIONS, stub.clock); }

    @Test
    void historyThenEachBarAtItsCloseWithSpreadAndFunding() throws Exception {
        HyperliquidFeed feed = feed(new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", stub.clock));
        var hist = feed.history(20, Long.MIN_VALUE);
        assertTrue(hist.size() >= 19, "history bars: " + hist.size());
        assertEquals(CLOSE, hist.lastTs());
        var c = assertInstanceOf(FeedEvent.Closed.class, feed.next());
        assertEquals((CLOSE + 300), c.bar().tsClose());
        assertEquals(HyperliquidStub.price((CLOSE + 300)), c.bar().close(), 1e-9);
        assertEquals(2 / 30_000.0 * 10_000, c.market().spreadBps(), 1e-9);
        assertEquals(0.0000125, c.market().fundingPerHour(), 1e-15);
        assertFalse(c.late());
        assertTrue(stub.clock.nowMs() >= (CLOSE + 302) * 1000, "polled only after the close plus the settle delay");
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedWithBackoff() throws Exception {
        HyperliquidFeed feed = feed(new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", stub.clock));
        feed.skipThrough(CLOSE);
        stub.errors.add(new HyperliquidStub.Error(500, null));
        stub.errors.add(new HyperliquidStub.Error(500, null));
        stub.errors.add(new HyperliquidStub.Error(429, "3"));
        var c = assertInstanceOf(FeedEvent.Closed.class, feed.next());
        assertEquals((CLOSE + 300), c.bar().tsClose());
        List<Long> sleeps = stub.clock.sleeps;
        // first the wait for the close, then exponential backoff: 500 ms, 1 s, 2 s
        assertEquals(List.of(500L, 1_000L, 2_000L), sleeps.subList(1, sleeps.size()), sleeps.toString());
        assertTrue(stub.errors.isEmpty() && stub.candleRequests.get() >= 4, "requests: " + stub.candleRequests.get());
        assertEquals(0, feed.failures());
    }

    @Test
    void connectionRefusedThenReconnects() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) { deadPort = s.getLocalPort(); }
        VenueSource dead = new HyperliquidVenue(URI.create("http://127.0.0.1:" + deadPort), "BTC", stub.clock);
        VenueSource live = new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", stub.clock);
        int[] calls = {0};
        VenueSource flaky = new VenueSource() {
            @Override public List<Bar> candles(Timeframe tf, long s, long e) throws IOException {
                return (++calls[0] <= 3 ? dead : live).candles(tf, s, e);
            }
            @Override public Quote quote() throws IOException { return live.quote(); }
            @Override public double fundingPerHour(long since) throws IOException { return live.fundingPerHour(since); }
        };
        HyperliquidFeed feed = feed(flaky);
        feed.skipThrough(CLOSE);
        var c = assertInstanceOf(FeedEvent.Closed.class, feed.next());
        assertEquals((CLOSE + 300), c.bar().tsClose());
        assertEquals(4, calls[0]);
    }

    @Test
    void repeatedLastCandleIsStaleThenTradingHaltsAndResumes(@TempDir Path dir) throws Exception {
        stub.outageFromMs = (CLOSE + 300) * 1000;          // the bar closing at ...300 never shows up
        stub.outageToMs = (CLOSE + 300) * 1000 + 180_000;  // until 3 minutes later
        HyperliquidFeed feed = feed(new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", stub.clock));
        feed.history(30, Long.MIN_VALUE);
        var stale = assertInstanceOf(FeedEvent.Stale.class, feed.next());
        assertEquals((CLOSE + 300), stale.expectedTs());
        assertEquals(CLOSE, stale.lastSeenTs());
        var late = assertInstanceOf(FeedEvent.Closed.class, feed.next());
        assertEquals((CLOSE + 300), late.bar().tsClose());
        assertTrue(late.late(), "a bar that arrived after the staleness limit must not trade");
        assertFalse(assertInstanceOf(FeedEvent.Closed.class, feed.next()).late());

        // the same outage through the runner: a stale_feed alert, halted while stale, fresh bars clear it
        stub.clock.nowMs.set(START_MS + 3_600_000);
        stub.outageFromMs = START_MS - 10_000 + 3_600_000 + 300_000;
        stub.outageToMs = stub.outageFromMs + 180_000;
        HyperliquidFeed feed2 = feed(new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", stub.clock));
        var setup = new LiveRunner.Setup(Timeframe.M5, "BTC", "art", "hyperliquid", false, List.of(), ts -> false, 1);
        List<Alert> alerts = new ArrayList<>();
        List<Boolean> haltedAtAlert = new ArrayList<>();
        LiveRunner[] runner = new LiveRunner[1];
        runner[0] = new LiveRunner(setup, new Fakes.Features(3), new Fakes.Predictor(2), null, new Fakes.Trader(false),
                new StateStore(dir), a -> {
                    alerts.add(a);
                    haltedAtAlert.add(runner[0].status().halted());
                }, stub.clock);
        runner[0].open();
        runner[0].prime(feed2.history(30, Long.MIN_VALUE), null, Long.MAX_VALUE);
        StatusDoc s = runner[0].run(feed2, 3, null);
        assertEquals(3, s.barsProcessed());
        assertFalse(s.halted(), "fresh bars clear the halt");
        assertEquals(List.of(Alert.STALE_FEED), alerts.stream().map(Alert::kind).toList());
        assertEquals(List.of(true), haltedAtAlert, "halted while the feed is stale");
        assertTrue(java.nio.file.Files.readString(dir.resolve("events.jsonl")).contains("feed_stale"));
    }
}
