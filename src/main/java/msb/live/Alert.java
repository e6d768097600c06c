package msb.live;

/**
 * An operator alert, stamped with the bar it was raised on (never wall-clock time). The engine raises
 * one-directional trading, low eligibility and the daily stop; the runner raises the stale feed.
 */
public record Alert(long barTs, String kind, String message) {
    public static final String STALE_FEED = "stale_feed";
    /** run-live --retrain-every: a retrained run was not promoted (its failed verdicts in the message), or training failed. */
    public static final String RETRAIN_REFUSED = "retrain_refused", RETRAIN_FAILED = "retrain_failed";
}
