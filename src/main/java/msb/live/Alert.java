package msb.live;

/**
 * An operator alert, stamped with the bar it was raised on (never wall-clock time). The engine raises
 * one-directional trading, low eligibility and the daily stop; the runner raises the stale feed.
 */
public record Alert(long barTs, String kind, String message) {
    public static final String STALE_FEED = "stale_feed";
}
