package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * ofi_N = (taker buys - taker sells) / volume over the last N bars = (2 sum(taker_buy) - sum(volume)) /
 * sum(volume), in [-1, 1]; 0 when nothing traded.
 */
public final class OrderFlowImbalance implements Feature {
    private final int bars;
    private final List<Window> windows;

    public OrderFlowImbalance(int bars) {
        if (bars < 1) throw new IllegalArgumentException("ofi needs >= 1 bar, got " + bars);
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.TAKER_BUY, bars), Window.of(Series.Base.VOLUME, bars));
    }

    @Override public String name() { return "ofi_" + bars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }
    @Override public Input input() { return Input.TAKER_BUY; }

    @Override
    public double value(FeatureContext ctx) {
        double vol = ctx.volumes().sum(bars);
        return Feature.ratio(2 * ctx.takerBuys().sum(bars) - vol, vol);
    }
}
