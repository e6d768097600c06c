package msb.data.hyperliquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.data.FundingSeries;
import org.junit.jupiter.api.Test;

class HyperliquidClientTest {
    /** 2026-01-01T00:02:30Z: the 00:00 5m candle is still open. */
    private static final long NOW_MS = Instant.parse("2026-01-01T00:02:30Z").toEpochMilli();
    private final List<Long> sleeps = new ArrayList<>();

    private HyperliquidClient client(StubHyperliquid stub, int maxAttempts) {
        return new HyperliquidClient(new HyperliquidClient.Options(stub.baseUrl(),
                Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC), sleeps::add, maxAttempts, 100, Duration.ofSeconds(5)));
    }

    @Test void pagesPastTheCapAndDropsTheOpenCandle() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 12_000)) {
            long start = NOW_MS - 40L * 86_400_000; // 11,520 5m candles asked
            Bars bars = client(stub, 3).candlesSince("BTC", Timeframe.M5, start, NOW_MS);
            long firstOpenSec = Math.floorDiv(start + 299_999, 300_000) * 300;
            long lastCloseSec = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(); // the candle opening then is not closed
            assertEquals(firstOpenSec + 300, bars.firstTs());
            assertEquals(lastCloseSec, bars.lastTs());
            assertEquals((lastCloseSec - firstOpenSec) / 300, bars.size());
            assertTrue(bars.gaps().isEmpty());
            assertEquals(3, stub.candleAnswers, "5000 + 5000 + 1521 (the open candle included)");
            for (int i = 0; i < bars.size(); i++) {
                assertEquals(StubHyperliquid.priceAt(bars.ts(i) * 1000 - 300_000), bars.open()[i], 1e-9);
            }
        }
    }

    @Test void reportsLessWhenTheExchangeKeepsLess() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 5000)) {
            long start = NOW_MS - 90L * 86_400_000;
            Bars bars = client(stub, 3).candlesSince("BTC", Timeframe.M5, start, NOW_MS);
            assertEquals(4999, bars.size(), "5000 kept, the newest still open");
            assertTrue(bars.firstTs() * 1000 > start + 72L * 86_400_000, "about 17 days of the 90 asked");
        }
    }

    @Test void retriesRateLimitsAndServerErrorsWithBackoff() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 6000)) {
            stub.failNext(429, 429, 500);
            Bars bars = client(stub, 5).candlesSince("BTC", Timeframe.H1, NOW_MS - 10L * 86_400_000, NOW_MS);
            assertEquals(239, bars.size(), "opens 12-22 01:00 .. 12-31 23:00; the 00:00 candle is still open");
            assertEquals(List.of(100L, 200L, 400L), sleeps, "exponential backoff");
        }
    }

    @Test void givesUpAfterTheLastAttempt() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 6000)) {
            stub.failNext(429, 503, 429);
            HyperliquidException e = assertThrows(HyperliquidException.class,
                    () -> client(stub, 3).candlesSince("BTC", Timeframe.H1, NOW_MS - 86_400_000L, NOW_MS));
            assertTrue(e.getMessage().contains("failed 3 times") && e.getMessage().contains("429"), e.getMessage());
            assertEquals(2, sleeps.size());
        }
    }

    @Test void clientErrorsAreNotRetried() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 6000)) {
            stub.failNext(422);
            HyperliquidException e = assertThrows(HyperliquidException.class,
                    () -> client(stub, 3).bookTop("BTC"));
            assertTrue(e.getMessage().contains("422"), e.getMessage());
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test void fundingIsPagedAndHourly() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 6000)) {
            long start = NOW_MS - 50L * 86_400_000; // 1200 hourly settlements: 3 pages of <= 500
            FundingSeries f = client(stub, 3).fundingSince("BTC", start, NOW_MS);
            assertEquals(1200, f.size());
            for (int i = 1; i < f.size(); i++) assertEquals(3600, f.ts()[i] - f.ts()[i - 1]);
            assertEquals(0, f.ts()[0] % 3600, "settlement seconds, ms jitter dropped");
            assertEquals(1e-5 * (1 + (f.ts()[0] / 3600) % 7), f.ratePerHour()[0], 1e-15);
        }
    }

    @Test void bookTopGivesSpreadInBps() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(() -> NOW_MS, 6000)) {
            BookTop top = client(stub, 3).bookTop("BTC");
            assertEquals(99990.0, top.bid());
            assertEquals(100010.0, top.ask());
            assertEquals(2.0, top.spreadBps(), 1e-9);
        }
    }

    @Test void unreachableServerFailsCleanly() {
        HyperliquidClient c = new HyperliquidClient(new HyperliquidClient.Options(java.net.URI.create("http://127.0.0.1:1"),
                Clock.systemUTC(), sleeps::add, 2, 1, Duration.ofSeconds(2)));
        HyperliquidException e = assertThrows(HyperliquidException.class, () -> c.bookTop("BTC"));
        assertTrue(e.getMessage().contains("failed 2 times"), e.getMessage());
    }
}
