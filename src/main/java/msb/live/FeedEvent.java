package msb.live;

import msb.data.Bar;

/** What a feed hands the runner: a closed bar, a stale or missing bar, or the end of its data. */
public sealed interface FeedEvent {
    /**
     * A bar that has closed, with the market context known at its close. {@code late} marks a bar that
     * arrived after the feed's staleness limit (catch-up after an outage); the engine's stale-data guard
     * refuses to trade on such bars by their receive time.
     */
    record Closed(Bar bar, MarketContext market, boolean late) implements FeedEvent {}

    /**
     * The bar due at {@code expectedTs} did not arrive (the venue repeats an older candle or is
     * unreachable). Trading halts until fresh bars come back.
     */
    record Stale(long expectedTs, long lastSeenTs, String reason) implements FeedEvent {}

    /** No more data (end of a replay, or the feed was stopped). */
    record End() implements FeedEvent {}
}
