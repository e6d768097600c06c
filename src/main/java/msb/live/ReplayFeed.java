package msb.live;

import msb.data.Bars;
import msb.data.FundingSeries;

/**
 * Plays a stored series bar by bar. At {@link Speed#MAX} it never waits; otherwise it sleeps the bar
 * interval (scaled) between bars, minus the time the runner spent, so pacing does not drift.
 */
public final class ReplayFeed implements Feed {
    private final Bars bars;
    private final FundingSeries fundingOrNull;
    private final Speed speed;
    private final LiveClock clock;
    private int next;
    private long lastEmitMs = Long.MIN_VALUE;

    public ReplayFeed(Bars bars, FundingSeries fundingOrNull, Speed speed, LiveClock clock) {
        this.bars = bars;
        this.fundingOrNull = fundingOrNull;
        this.speed = speed;
        this.clock = clock;
    }

    public Bars bars() { return bars; }

    public FundingSeries fundingOrNull() { return fundingOrNull; }

    /** Index of the next bar to be played. */
    public int position() { return next; }

    @Override
    public void skipThrough(long tsExclusive) {
        while (next < bars.size() && bars.ts(next) <= tsExclusive) next++;
    }

    @Override
    public FeedEvent next() throws InterruptedException {
        if (next >= bars.size()) return new FeedEvent.End();
        if (!speed.isMax() && lastEmitMs != Long.MIN_VALUE && next > 0) {
            long stepSec = bars.ts(next) - bars.ts(next - 1);
            long due = lastEmitMs + speed.waitMs(stepSec);
            long wait = due - clock.nowMs();
            if (wait > 0) clock.sleepMs(wait);
        }
        lastEmitMs = clock.nowMs();
        return new FeedEvent.Closed(bars.get(next), MarketContext.replay(fundingOrNull, bars.ts(next++)), false);
    }
}
