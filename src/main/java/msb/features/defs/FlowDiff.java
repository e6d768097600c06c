package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** flow_diff = S_top - S_bot. */
public final class FlowDiff implements Feature {
    @Override public String name() { return "flow_diff"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 0; }
    @Override public Input input() { return Input.COHORTS; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().sTop() - ctx.bar().sBot();
    }
}
