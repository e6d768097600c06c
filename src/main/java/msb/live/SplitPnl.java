package msb.live;

/** Bars of one part of a replay (fitted/validated or out-of-sample) and the equity change over them. */
public record SplitPnl(long bars, double pnl) {
    public static final SplitPnl ZERO = new SplitPnl(0, 0);

    public SplitPnl plus(double pnlDelta) { return new SplitPnl(bars + 1, pnl + pnlDelta); }
}
