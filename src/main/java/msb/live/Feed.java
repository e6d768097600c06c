package msb.live;

/**
 * A source of closed bars. Replay and the Hyperliquid venue are the only two; the runner switches over
 * them exhaustively where it must (pacing, checkpoint frequency).
 */
public sealed interface Feed extends AutoCloseable permits ReplayFeed, HyperliquidFeed {
    /** Blocks until the next event (pacing a replay, polling a venue). */
    FeedEvent next() throws InterruptedException;

    /** The first bar still to come is the first bar closing after {@code tsExclusive} (resume). */
    void skipThrough(long tsExclusive);

    @Override default void close() {}
}
