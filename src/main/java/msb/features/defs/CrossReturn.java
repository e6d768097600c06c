package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * xret_SYM_N = another symbol's return over the last N bars, its closes aligned on this symbol's bar
 * closes: close_SYM,t / close_SYM,t-N - 1.
 */
public final class CrossReturn implements Feature {
    private final Series.CrossClose other;
    private final int bars;
    private final List<Window> windows;

    public CrossReturn(String symbol, int bars) {
        if (bars < 1) throw new IllegalArgumentException("xret needs >= 1 bar, got " + bars);
        this.other = new Series.CrossClose(symbol);
        this.bars = bars;
        this.windows = List.of(Window.of(other, bars + 1));
    }

    @Override public String name() { return "xret_" + other.symbol() + "_" + bars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }
    @Override public Input input() { return Input.CROSS; }

    /** The other symbol's N-bar return at the context's bar; shared with {@link CrossSpread}. */
    static double of(FeatureContext ctx, Series.CrossClose other, int bars) {
        var w = ctx.window(other);
        return w.ago(0) / w.ago(bars) - 1;
    }

    @Override
    public double value(FeatureContext ctx) {
        return of(ctx, other, bars);
    }
}
