package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * xspread_SYM_N = this symbol's return over N bars minus another symbol's over the same bars (closes
 * aligned on bar close): positive when this symbol outran the other.
 */
public final class CrossSpread implements Feature {
    private final Series.CrossClose other;
    private final int bars;
    private final List<Window> windows;

    public CrossSpread(String symbol, int bars) {
        if (bars < 1) throw new IllegalArgumentException("xspread needs >= 1 bar, got " + bars);
        this.other = new Series.CrossClose(symbol);
        this.bars = bars;
        this.windows = List.of(Window.of(other, bars + 1), Window.of(Series.Base.CLOSE, bars + 1));
    }

    @Override public String name() { return "xspread_" + other.symbol() + "_" + bars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }
    @Override public Input input() { return Input.CROSS; }

    @Override
    public double value(FeatureContext ctx) {
        return (ctx.bar().close() / ctx.closes().ago(bars) - 1) - CrossReturn.of(ctx, other, bars);
    }
}
