package msb.live;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches the runner's bars for conditions an operator must see. Each alert fires on the transition into
 * its condition (not on every bar) and re-arms when the condition clears. Its state is part of the
 * checkpoint so that a resumed run raises exactly the alerts an uninterrupted one would.
 */
public final class AlertMonitor {
    /**
     * Thresholds; the window counts non-flat decisions. {@code engineWatches} leaves the one-directional,
     * eligibility and daily-stop alerts to an engine that raises them itself (the runner then only adds
     * the stale-feed alert).
     */
    public record Options(int oneSidedWindowDecisions, double minBanditEligibilityFrac, int eligibilityMinBars,
                          boolean engineWatches) {
        public Options {
            if (oneSidedWindowDecisions < 2 || !(minBanditEligibilityFrac >= 0 && minBanditEligibilityFrac <= 1)
                    || eligibilityMinBars < 1) {
                throw new IllegalArgumentException("invalid alert options: window=" + oneSidedWindowDecisions
                        + " minEligibility=" + minBanditEligibilityFrac + " minBars=" + eligibilityMinBars);
            }
        }

        public static Options defaults() { return new Options(50, 0.05, 500, false); }

        public static Options staleOnly() { return new Options(50, 0.05, 500, true); }
    }

    /** The serialisable part: recent directions (+1/-1, oldest first) and which alerts are active. */
    public record State(List<Integer> recentDirections, boolean oneSidedActive, boolean staleActive,
                        boolean lowEligibilityActive, boolean haltedActive, long barsSeen) {
        public static State initial() { return new State(List.of(), false, false, false, false, 0); }
    }

    private final Options options;
    private final int[] ring;
    private int ringStart;
    private int ringSize;
    private boolean oneSidedActive;
    private boolean staleActive;
    private boolean lowEligibilityActive;
    private boolean haltedActive;
    private long barsSeen;

    public AlertMonitor(Options options, State state) {
        this.options = options;
        this.ring = new int[options.oneSidedWindowDecisions()];
        for (int d : state.recentDirections()) push(d);
        this.oneSidedActive = state.oneSidedActive();
        this.staleActive = state.staleActive();
        this.lowEligibilityActive = state.lowEligibilityActive();
        this.haltedActive = state.haltedActive();
        this.barsSeen = state.barsSeen();
    }

    public State state() {
        List<Integer> dirs = new ArrayList<>(ringSize);
        for (int i = 0; i < ringSize; i++) dirs.add(ring[(ringStart + i) % ring.length]);
        return new State(dirs, oneSidedActive, staleActive, lowEligibilityActive, haltedActive, barsSeen);
    }

    private void push(int dir) {
        if (ringSize < ring.length) {
            ring[(ringStart + ringSize++) % ring.length] = dir;
        } else {
            ring[ringStart] = dir;
            ringStart = (ringStart + 1) % ring.length;
        }
    }

    /**
     * After a bar: {@code newBuys}/{@code newSells} are the signals it added; returns the alerts that start
     * on this bar (usually none).
     */
    public List<Alert> afterBar(long barTs, long newBuys, long newSells, boolean engineHalted,
                                double banditEligibilityFrac) {
        List<Alert> out = List.of();
        barsSeen++;
        if (staleActive) staleActive = false;
        if (options.engineWatches()) return out;
        for (long i = 0; i < newBuys; i++) push(1);
        for (long i = 0; i < newSells; i++) push(-1);
        if (newBuys + newSells > 0) {
            boolean oneSided = ringSize == ring.length && allSame();
            if (oneSided && !oneSidedActive) {
                out = add(out, new Alert(barTs, Alert.ONE_DIRECTIONAL, "the last " + ring.length
                        + " decisions were all " + (ring[ringStart] > 0 ? "BUY" : "SELL")
                        + ": check the model's directional balance (msb evaluate --check-directional-balance)"));
            }
            oneSidedActive = oneSided;
        }
        if (engineHalted && !haltedActive) {
            out = add(out, new Alert(barTs, Alert.DAILY_STOP, "daily stop hit: book flattened, trading halted until 00:00 UTC"));
        }
        haltedActive = engineHalted;
        if (!Double.isNaN(banditEligibilityFrac) && barsSeen >= options.eligibilityMinBars()) {
            boolean low = banditEligibilityFrac < options.minBanditEligibilityFrac();
            if (low && !lowEligibilityActive) {
                out = add(out, new Alert(barTs, Alert.LOW_BANDIT_ELIGIBILITY, String.format(java.util.Locale.ROOT,
                        "only %.1f%% of bars had an eligible bandit arm (minimum %.1f%%): the bandit is not learning",
                        100 * banditEligibilityFrac, 100 * options.minBanditEligibilityFrac())));
            }
            lowEligibilityActive = low;
        }
        return out;
    }

    /** The feed reported a missing or repeated bar. */
    public List<Alert> onStale(FeedEvent.Stale stale) {
        if (staleActive) return List.of();
        staleActive = true;
        return List.of(new Alert(stale.lastSeenTs(), Alert.STALE_FEED, "no bar closing at " + stale.expectedTs()
                + " (last bar " + stale.lastSeenTs() + "): trading halted until fresh bars arrive; " + stale.reason()));
    }

    public boolean staleActive() { return staleActive; }

    private boolean allSame() {
        int first = ring[ringStart];
        for (int i = 1; i < ringSize; i++) if (ring[(ringStart + i) % ring.length] != first) return false;
        return true;
    }

    private static List<Alert> add(List<Alert> list, Alert a) {
        List<Alert> out = new ArrayList<>(list);
        out.add(a);
        return out;
    }
}
