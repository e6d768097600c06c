package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * vwap_momentum = close / VWAP(last 12 bars) - 1, VWAP = sum(close x volume) / sum(volume); written as
 * close x sum(volume) / sum(close x volume) - 1, with the ratio 0 when no volume traded.
 */
public final class VwapMomentum implements Feature {
    private static final int BARS = 12;
    private static final List<Window> WINDOWS = List.of(Window.of(Series.Base.VOLUME, BARS), Window.of(Series.Base.CLOSE_TIMES_VOLUME, BARS));

    @Override public String name() { return "vwap_momentum"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return WINDOWS; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(ctx.bar().close() * ctx.volumes().sum(BARS), ctx.closeTimesVolume().sum(BARS)) - 1;
    }
}
