package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** rv_1h = sqrt(sum of r^2 over the last 12 bars); 12 bars is one hour only on 5m (historical name). */
public final class Rv1h implements Feature {
    @Override public String name() { return "rv_1h"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 12; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.rv1h();
    }
}
