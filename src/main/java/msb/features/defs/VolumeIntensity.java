package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/**
 * volume_intensity = volume / mean(volume over the last 50 bars) - 1 (the ratio is 0 on zero mean
 * volume).
 */
public final class VolumeIntensity implements Feature {
    @Override public String name() { return "volume_intensity"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 49; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(ctx.bar().volume(), ctx.volumes().mean(50)) - 1;
    }
}
