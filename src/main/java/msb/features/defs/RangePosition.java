package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * range_pos_N = where the close sits in the high-low range of the last N bars, from -1 (at the lowest low)
 * to +1 (at the highest high): (2 close - max high - min low) / (max high - min low); 0 on a flat range.
 */
public final class RangePosition implements Feature {
    private final int bars;
    private final List<Window> windows;

    public RangePosition(int bars) {
        if (bars < 1) throw new IllegalArgumentException("range_pos needs >= 1 bar, got " + bars);
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.HIGH, bars), Window.of(Series.Base.LOW, bars));
    }

    @Override public String name() { return "range_pos_" + bars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }

    @Override
    public double value(FeatureContext ctx) {
        double hi = ctx.highs().max(bars), lo = ctx.lows().min(bars);
        return Feature.ratio(2 * ctx.bar().close() - hi - lo, hi - lo);
    }
}
