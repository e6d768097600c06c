package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/** price_efficiency = |r_t| / ((high - low) / close); 0 on a flat bar. */
public final class PriceEfficiency implements Feature {
    @Override public String name() { return "price_efficiency"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(Window.of(Series.Base.RETURN, 1)); }

    @Override
    public double value(FeatureContext ctx) {
        var b = ctx.bar();
        return Feature.ratio(Math.abs(ctx.ret()), (b.high() - b.low()) / b.close());
    }
}
