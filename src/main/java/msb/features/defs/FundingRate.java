package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/** funding_rate = latest settled funding rate at the bar close, fraction per hour. */
public final class FundingRate implements Feature {
    @Override public String name() { return "funding_rate"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }
    @Override public Input input() { return Input.FUNDING; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().fundingPerHour();
    }
}
