package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * funding rate - its mean over the last n bars. The seed's {@code funding_momentum_1h} is n = 12 at every
 * timeframe (the historical name is kept).
 */
public final class FundingMinusMean implements Feature {
    private final String name;
    private final int bars;
    private final List<Window> windows;

    public FundingMinusMean(String name, int bars) {
        this.name = name;
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.FUNDING, bars));
    }

    @Override public String name() { return name; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }
    @Override public Input input() { return Input.FUNDING; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().fundingPerHour() - ctx.fundingRates().mean(bars);
    }
}
