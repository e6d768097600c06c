package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** funding_rate = latest settled funding rate at the bar close, fraction per hour. */
public final class FundingRate implements Feature {
    @Override public String name() { return "funding_rate"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 0; }
    @Override public Input input() { return Input.FUNDING; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().fundingPerHour();
    }
}
