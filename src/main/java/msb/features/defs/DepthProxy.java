package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/**
 * depth_proxy = log1p(volume) / ((high - low) / close); 0 on a flat bar. (From price bars only: no
 * order-book feed exists yet.)
 */
public final class DepthProxy implements Feature {
    @Override public String name() { return "depth_proxy"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }

    @Override
    public double value(FeatureContext ctx) {
        var b = ctx.bar();
        return Feature.ratio(Math.log1p(b.volume()), (b.high() - b.low()) / b.close());
    }
}
