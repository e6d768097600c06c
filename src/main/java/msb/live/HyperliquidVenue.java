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

    private final HyperliquidClient client;
    private final String coin;

    public HyperliquidVenue(URI baseUrl, String coin, LiveClock clock) {
        this.client = new HyperliquidClient(new HyperliquidClient.Options(baseUrl, javaClock(clock), clock::sleepMs, 1, 0,
                REQUEST_TIMEOUT));
        this.coin = coin;
    }

    @Override
    public List<msb.data.Bar> candles(Timeframe tf, long startMs, long endMs) throws IOException {
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
        try {
            BookTop top = client.bookTop(coin);
            return new Quote(top.bid(), top.ask());
        } catch (HyperliquidException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public double fundingPerHour(long sinceMs) throws IOException {
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
