package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * mr_ema20_z = d_t / sample std of d over the last 50 bars, d = close - EMA20 (alpha 2/21, from the
 * first close).
 */
public final class MrEma20Z implements Feature {
    private static final int STD_BARS = 50;
    private static final List<Window> WINDOWS = List.of(Window.of(Series.Base.EMA_DEVIATION, STD_BARS));

    @Override public String name() { return "mr_ema20_z"; }
    @Override public int version() { return 2; }
    @Override public List<Window> windows() { return WINDOWS; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(ctx.emaDeviations().ago(0), ctx.emaDeviations().sampleStd(STD_BARS));
    }
}
