package msb.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.data.Bars;

/**
 * Polls the venue for the candle that closes next. Waits until the bar's close (plus a settle delay),
 * asks for the recent candles, and hands over every newly closed one in order. When nothing new arrives
 * (the venue repeats the last candle, refuses the connection, answers 5xx or 429) it retries with
 * exponential backoff, and once the bar is {@code staleAfterMs} overdue it reports
 * {@link FeedEvent.Stale} (once per missed bar) so that the runner halts trading and alerts.
 */
public final class HyperliquidFeed implements Feed {
    /** Polling and staleness settings; all durations in milliseconds. */
    public record Options(long settleMs, long staleAfterMs, long initialBackoffMs, long maxBackoffMs) {
        public Options {
            if (settleMs < 0 || staleAfterMs <= 0 || initialBackoffMs <= 0 || maxBackoffMs < initialBackoffMs) {
                throw new IllegalArgumentException("invalid feed options: settleMs=" + settleMs + " staleAfterMs="
                        + staleAfterMs + " initialBackoffMs=" + initialBackoffMs + " maxBackoffMs=" + maxBackoffMs);
            }
        }

        public static Options defaults(Timeframe tf) {
            long intervalMs = tf.seconds() * 1000;
            return new Options(2_000, Math.min(intervalMs / 2, 120_000), 500, 30_000);
        }
    }

    private final VenueSource venue;
    private final Timeframe tf;
    private final Options options;
    private final LiveClock clock;
    private final ArrayDeque<Bar> ready = new ArrayDeque<>();
    private long lastTs = Long.MIN_VALUE;
    private long staleReportedForTs = Long.MIN_VALUE;
    private long backoffMs;
    private volatile boolean stopped;
    private int failures;
    private String lastFailure = "";

    public HyperliquidFeed(VenueSource venue, Timeframe tf, Options options, LiveClock clock) {
        this.venue = venue;
        this.tf = tf;
        this.options = options;
        this.clock = clock;
        this.backoffMs = options.initialBackoffMs();
    }

    /** Consecutive failed polls (errors or no new candle) since the last fresh bar. */
    public int failures() { return failures; }

    /**
     * The most recent {@code nBars} closed bars, for the feature warm-up; the feed then continues with the
     * bar after the last of them (or after {@code resumeTs} when resuming from an earlier bar).
     */
    public Bars history(int nBars, long resumeTs) throws InterruptedException {
        long intervalMs = tf.seconds() * 1000;
        long now = clock.nowMs();
        List<Bar> got = null;
        while (got == null) {
            if (stopped) return Bars.of(tf.seconds(), List.of());
            try {
                got = closedOnly(venue.candles(tf, now - (nBars + 1L) * intervalMs, now), now);
            } catch (IOException e) {
                backoff(e);
            }
        }
        long last = got.isEmpty() ? resumeTs : got.getLast().tsClose();
        lastTs = resumeTs != Long.MIN_VALUE ? resumeTs : last;
        List<Bar> upTo = got.stream().filter(b -> b.tsClose() <= lastTs).toList();
        got.stream().filter(b -> b.tsClose() > lastTs).forEach(ready::add);
        return Bars.of(tf.seconds(), upTo);
    }

    @Override
    public void skipThrough(long tsExclusive) {
        if (tsExclusive > lastTs) lastTs = tsExclusive;
        ready.removeIf(b -> b.tsClose() <= tsExclusive);
    }

    /** The market context at a bar's close; unknown parts stay NaN rather than failing the bar. */
    private MarketContext market() {
        VenueSource.Quote quote = null;
        double funding = Double.NaN;
        try {
            quote = venue.quote();
        } catch (IOException e) {
            lastFailure = "l2Book: " + e.getMessage();
        }
        try {
            funding = venue.fundingPerHour(clock.nowMs() - 8 * 3_600_000L);
        } catch (IOException e) {
            lastFailure = "fundingHistory: " + e.getMessage();
        }
        return quote == null ? new MarketContext(Double.NaN, funding, Double.NaN)
                : new MarketContext(quote.spreadBps(), funding, quote.mid());
    }

    @Override
    public FeedEvent next() throws InterruptedException {
        long intervalMs = tf.seconds() * 1000;
        while (!stopped) {
            if (!ready.isEmpty()) {
                Bar b = ready.poll();
                boolean late = clock.nowMs() > b.tsClose() * 1000 + options.settleMs() + options.staleAfterMs();
                return new FeedEvent.Closed(b, ready.isEmpty() ? market() : MarketContext.UNKNOWN, late);
            }
            long now = clock.nowMs();
            if (lastTs == Long.MIN_VALUE) lastTs = Math.floorDiv(now, intervalMs) * tf.seconds() - tf.seconds();
            long dueTs = lastTs + tf.seconds();
            long dueMs = dueTs * 1000 + options.settleMs();
            if (now < dueMs) {
                clock.sleepMs(dueMs - now);
                continue;
            }
            try {
                for (Bar b : closedOnly(venue.candles(tf, (lastTs - tf.seconds()) * 1000, now), now)) {
                    if (b.tsClose() > lastTs) ready.add(b);
                }
                if (!ready.isEmpty()) {
                    lastTs = ready.getLast().tsClose();
                    failures = 0;
                    backoffMs = options.initialBackoffMs();
                    continue;
                }
                failures++;
                lastFailure = "no candle closing at " + java.time.Instant.ofEpochSecond(dueTs) + " yet (last seen "
                        + java.time.Instant.ofEpochSecond(lastTs) + ")";
            } catch (IOException e) {
                if (clock.nowMs() < dueMs + options.staleAfterMs() || staleReportedForTs == dueTs) {
                    backoff(e);
                    continue;
                }
                failures++;
                lastFailure = describe(e);
            }
            if (clock.nowMs() >= dueMs + options.staleAfterMs() && staleReportedForTs != dueTs) {
                staleReportedForTs = dueTs;
                return new FeedEvent.Stale(dueTs, lastTs, lastFailure);
            }
            clock.sleepMs(backoffMs);
            backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs());
        }
        return new FeedEvent.End();
    }

    private void backoff(IOException e) throws InterruptedException {
        failures++;
        lastFailure = describe(e);
        clock.sleepMs(backoffMs);
        backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs());
    }

    private static String describe(IOException e) {
        return "venue request failed: " + e.getMessage();
    }

    private static List<Bar> closedOnly(List<Bar> bars, long nowMs) {
        return bars.stream().filter(b -> b.tsClose() * 1000 <= nowMs).toList();
    }

    /** Makes {@link #next} return {@link FeedEvent.End} (Ctrl-C, --max-bars). */
    @Override
    public void close() { stopped = true; }
}
