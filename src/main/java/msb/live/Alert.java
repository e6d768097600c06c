package msb.live;

/** An operator alert, stamped with the bar it was raised on (never wall-clock time). */
public record Alert(long barTs, String kind, String message) {
    public static final String ONE_DIRECTIONAL = "one_directional";
    public static final String STALE_FEED = "stale_feed";
    public static final String LOW_BANDIT_ELIGIBILITY = "low_bandit_eligibility";
    public static final String DAILY_STOP = "daily_stop";
}
