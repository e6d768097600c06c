package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * Realised volatility over n bars: sqrt(sum of r^2 over the last n returns). The seed's {@code rv_1h} is
 * n = 12 at every timeframe (one hour only on 5m: the historical name is kept); {@code rv_N} any n.
 */
public final class RealizedVol implements Feature {
    private final String name;
    private final int bars;
    private final List<Window> windows;

    public RealizedVol(String name, int bars) {
        this.name = name;
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.RETURN, bars));
    }

    @Override public String name() { return name; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.realizedVol(bars);
    }
}
