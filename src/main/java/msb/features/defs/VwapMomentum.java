package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/**
 * vwap_momentum = close / VWAP(last 12 bars) - 1, VWAP = sum(close x volume) / sum(volume); written as
 * close x sum(volume) / sum(close x volume) - 1, with the ratio 0 when no volume traded.
 */
public final class VwapMomentum implements Feature {
    @Override public String name() { return "vwap_momentum"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 11; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(ctx.bar().close() * ctx.volumes().sum(12), ctx.closeTimesVolume().sum(12)) - 1;
    }
}
