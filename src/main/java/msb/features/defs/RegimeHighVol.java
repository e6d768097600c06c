package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * regime_high_vol = 1 if rv_1h > 2 x its median over the last 100 bars, else 0. Its warm-up (111) adds up
 * from the windows: rv_1h first exists at bar 12 (12 returns), its 100-value median at bar 12 + 99.
 */
public final class RegimeHighVol implements Feature {
    private static final int RV_BARS = 12;
    private static final int MEDIAN_BARS = 100;
    private static final double HIGH_FACTOR = 2.0;
    private static final Window MEDIAN = Window.median(new Series.RealizedVol(RV_BARS), MEDIAN_BARS);
    private static final List<Window> WINDOWS = List.of(Window.of(Series.Base.RETURN, RV_BARS), MEDIAN);

    @Override public String name() { return "regime_high_vol"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return WINDOWS; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.realizedVol(RV_BARS) > HIGH_FACTOR * ctx.median(MEDIAN) ? 1.0 : 0.0;
    }
}
