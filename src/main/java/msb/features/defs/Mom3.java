package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** mom_3 = close_t / close_{t-3} - 1. */
public final class Mom3 implements Feature {
    @Override public String name() { return "mom_3"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 3; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().close() / ctx.closes().ago(3) - 1;
    }
}
