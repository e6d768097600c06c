package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/** funding_chg_N = funding rate now - funding rate N bars ago (fraction per hour). */
public final class FundingChange implements Feature {
    private final int bars;
    private final List<Window> windows;

    public FundingChange(int bars) {
        if (bars < 1) throw new IllegalArgumentException("funding_chg needs >= 1 bar, got " + bars);
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.FUNDING, bars + 1));
    }

    @Override public String name() { return "funding_chg_" + bars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }
    @Override public Input input() { return Input.FUNDING; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.fundingRates().ago(0) - ctx.fundingRates().ago(bars);
    }
}
