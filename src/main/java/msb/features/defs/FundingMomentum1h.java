package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** funding_momentum_1h = funding_rate - mean(funding_rate over the last 12 bars). */
public final class FundingMomentum1h implements Feature {
    @Override public String name() { return "funding_momentum_1h"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 11; }
    @Override public Input input() { return Input.FUNDING; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().fundingPerHour() - ctx.fundingRates().mean(12);
    }
}
