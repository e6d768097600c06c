package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** jump_magnitude = |r_t| / sample std of r over the last 50 bars. */
public final class JumpMagnitude implements Feature {
    @Override public String name() { return "jump_magnitude"; }
    @Override public int version() { return 2; }
    @Override public int warmupBars() { return 50; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(Math.abs(ctx.ret()), ctx.returns().sampleStd(50));
    }
}
