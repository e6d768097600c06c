package msb.live;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.data.FundingSeries;
import msb.data.hyperliquid.BookTop;
import msb.data.hyperliquid.HyperliquidClient;
import msb.data.hyperliquid.HyperliquidException;

/**
 * {@link VenueSource} over the data layer's {@link HyperliquidClient}, with one attempt per request: the
 * feed owns retrying (its backoff runs on the injected clock and turns into a stale-feed halt when a bar
 * is overdue), so the client must not block in retries of its own.
 */
public final class HyperliquidVenue implements VenueSource {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Spacing of requests when several timeframes share one client: Hyperliquid allows 1200 request weight a
     * minute per IP and candleSnapshot, fundingHistory and userFillsByTime weigh 20, so one request a second
     * stays within it whatever is asked.
     */
    public static final long SHARED_MIN_GAP_MS = 1_000;

    private final HyperliquidClient client;
    private final String coin;
    private final LiveClock clock;
    private final long minGapMs;
    private long nextFreeMs = Long.MIN_VALUE;

    public HyperliquidVenue(URI baseUrl, String coin, LiveClock clock) {
        this(baseUrl, coin, clock, 0);
    }

    /** A venue whose requests (from any thread) are at least {@code minGapMs} apart on {@code clock}. */
    public HyperliquidVenue(URI baseUrl, String coin, LiveClock clock, long minGapMs) {
        if (minGapMs < 0) throw new IllegalArgumentException("minGapMs must be >= 0, got " + minGapMs);
        this.client = new HyperliquidClient(new HyperliquidClient.Options(baseUrl, javaClock(clock), clock::sleepMs, 1, 0,
                REQUEST_TIMEOUT));
        this.coin = coin;
        this.clock = clock;
        this.minGapMs = minGapMs;
    }

    public String coin() { return coin; }

    /** The data layer's client (one attempt per request), for callers that pace themselves with {@link #pace()}. */
    public HyperliquidClient client() { return client; }

    /** Waits for this venue's turn to send a request (no wait without a gap). */
    public void pace() throws IOException {
        if (minGapMs == 0) return;
        long waitMs;
        synchronized (this) {
            long now = clock.nowMs();
            long at = Math.max(now, nextFreeMs);
            nextFreeMs = at + minGapMs;
            waitMs = at - now;
        }
        try {
            if (waitMs > 0) clock.sleepMs(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the venue's rate limit");
        }
    }

    @Override
    public List<msb.data.Bar> candles(Timeframe tf, long startMs, long endMs) throws IOException {
        pace();
        try {
            Bars b = client.candlesSince(coin, tf, startMs, endMs);
            List<msb.data.Bar> out = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) out.add(b.get(i));
            return out;
        } catch (HyperliquidException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Quote quote() throws IOException {
        pace();
        try {
            BookTop top = client.bookTop(coin);
            return new Quote(top.bid(), top.ask());
        } catch (HyperliquidException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public double fundingPerHour(long sinceMs) throws IOException {
        pace();
        try {
            FundingSeries f = client.fundingSince(coin, sinceMs, client.clock().millis() + 1);
            return f.size() == 0 ? Double.NaN : f.ratePerHour()[f.size() - 1];
        } catch (HyperliquidException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Funding settlements since {@code startMs} (for the feature warm-up of a live start). */
    public FundingSeries fundingHistory(long startMs) {
        return client.fundingSince(coin, startMs, client.clock().millis() + 1);
    }

    /** The client's notion of "now" (which candles are closed) follows the runner's injected clock. */
    private static Clock javaClock(LiveClock clock) {
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }

            @Override public Clock withZone(ZoneId zone) { return this; }

            @Override public long millis() { return clock.nowMs(); }

            @Override public Instant instant() { return Instant.ofEpochMilli(clock.nowMs()); }
        };
    }
}
