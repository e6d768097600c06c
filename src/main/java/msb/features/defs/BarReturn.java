package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * Return over n bars: close_t / close_{t-n} - 1. The seed's mom_1 and mom_3 are n = 1 and 3; the catalog's
 * {@code ret_N} any n (e.g. ret_168 = 7 days on 1h bars).
 */
public final class BarReturn implements Feature {
    private final String name;
    private final int bars;
    private final List<Window> windows;

    public BarReturn(String name, int bars) {
        if (bars < 1) throw new IllegalArgumentException(name + ": a return needs >= 1 bar, got " + bars);
        this.name = name;
        this.bars = bars;
        this.windows = List.of(Window.of(Series.Base.CLOSE, bars + 1));
    }

    @Override public String name() { return name; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().close() / ctx.closes().ago(bars) - 1;
    }
}
