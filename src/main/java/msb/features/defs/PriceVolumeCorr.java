package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/** price_volume_corr = Pearson correlation of r and volume over the last 36 bars; 0 if either is constant. */
public final class PriceVolumeCorr implements Feature {
    private static final int BARS = 36;
    private static final List<Window> WINDOWS = List.of(Window.of(Series.Base.RETURN, BARS), Window.of(Series.Base.VOLUME, BARS));

    @Override public String name() { return "price_volume_corr"; }
    @Override public int version() { return 2; }
    @Override public List<Window> windows() { return WINDOWS; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.returns().correlation(ctx.volumes(), BARS);
    }
}
