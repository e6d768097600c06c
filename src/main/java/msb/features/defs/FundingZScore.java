package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/** funding_z_N = (funding rate - its mean over N bars) / its sample std over N bars; 0 when funding was constant. */
public final class FundingZScore implements Feature {
    private final int bars;
    private final List<Window> windows;

    public FundingZScore(int bars) {
        if (bars < 2) throw new IllegalArgumentException("funding_z needs >= 2 bars, got " + bars);
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.FUNDING, bars));
    }

    @Override public String name() { return "funding_z_" + bars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }
    @Override public Input input() { return Input.FUNDING; }

    @Override
    public double value(FeatureContext ctx) {
        var f = ctx.fundingRates();
        return Feature.ratio(f.ago(0) - f.mean(bars), f.sampleStd(bars));
    }
}
