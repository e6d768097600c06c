package msb.live;

import java.util.List;

/**
 * The runner's own alert: a stale or missing feed (the engine raises one-directional trading, low bandit
 * eligibility and the daily stop itself; the runner forwards those). Fires once per outage and re-arms
 * when a fresh bar arrives. Its state is part of the checkpoint so that a resumed run raises exactly the
 * alerts an uninterrupted one would.
 */
public final class AlertMonitor {
    /** The serialisable part: whether a stale-feed alert is active. */
    public record State(boolean staleActive) {
        public static State initial() { return new State(false); }
    }

    private boolean staleActive;

    public AlertMonitor(State state) { this.staleActive = state.staleActive(); }

    public State state() { return new State(staleActive); }

    /** A bar arrived: the feed is fresh again. */
    public void afterBar() { staleActive = false; }

    /** The feed reported a missing or repeated bar; returns the alert when this starts an outage. */
    public List<Alert> onStale(FeedEvent.Stale stale) {
        if (staleActive) return List.of();
        staleActive = true;
        return List.of(new Alert(stale.lastSeenTs(), Alert.STALE_FEED, "no bar closing at " + java.time.Instant.ofEpochSecond(stale.expectedTs())
                + " (last bar " + java.time.Instant.ofEpochSecond(stale.lastSeenTs()) + "): trading halted until fresh bars arrive; " + stale.reason()));
    }
}
