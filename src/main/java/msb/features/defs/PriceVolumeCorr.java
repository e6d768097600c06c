package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** price_volume_corr = Pearson correlation of r and volume over the last 36 bars; 0 if either is constant. */
public final class PriceVolumeCorr implements Feature {
    @Override public String name() { return "price_volume_corr"; }
    @Override public int version() { return 2; }
    @Override public int warmupBars() { return 36; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.returns().correlation(ctx.volumes(), 36);
    }
}
