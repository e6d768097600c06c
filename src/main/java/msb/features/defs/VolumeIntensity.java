package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * volume_intensity = volume / mean(volume over the last 50 bars) - 1 (the ratio is 0 on zero mean
 * volume).
 */
public final class VolumeIntensity implements Feature {
    private static final int MEAN_BARS = 50;
    private static final List<Window> WINDOWS = List.of(Window.of(Series.Base.VOLUME, MEAN_BARS));

    @Override public String name() { return "volume_intensity"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return WINDOWS; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(ctx.bar().volume(), ctx.volumes().mean(MEAN_BARS)) - 1;
    }
}
