package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/**
 * mr_ema20_z = d_t / sample std of d over the last 50 bars, d = close - EMA20 (alpha 2/21, from the
 * first close).
 */
public final class MrEma20Z implements Feature {
    @Override public String name() { return "mr_ema20_z"; }
    @Override public int version() { return 2; }
    @Override public int warmupBars() { return 49; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(ctx.emaDeviations().ago(0), ctx.emaDeviations().sampleStd(50));
    }
}
