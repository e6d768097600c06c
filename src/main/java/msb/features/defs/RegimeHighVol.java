package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/**
 * regime_high_vol = 1 if rv_1h > 2 x its median over the last 100 bars, else 0. First defined at bar
 * 111: rv_1h needs 12 returns, its median 100 values of rv_1h.
 */
public final class RegimeHighVol implements Feature {
    @Override public String name() { return "regime_high_vol"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 111; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.rv1h() > 2 * ctx.rv1hMedian() ? 1.0 : 0.0;
    }
}
