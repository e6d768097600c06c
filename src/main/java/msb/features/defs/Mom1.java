package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** mom_1 = r_t = close_t / close_{t-1} - 1. */
public final class Mom1 implements Feature {
    @Override public String name() { return "mom_1"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 1; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.ret();
    }
}
