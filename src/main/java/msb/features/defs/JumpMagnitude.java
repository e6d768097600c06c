package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/** jump_magnitude = |r_t| / sample std of r over the last 50 bars. */
public final class JumpMagnitude implements Feature {
    private static final int STD_BARS = 50;
    private static final List<Window> WINDOWS = List.of(Window.of(Series.Base.RETURN, STD_BARS));

    @Override public String name() { return "jump_magnitude"; }
    @Override public int version() { return 2; }
    @Override public List<Window> windows() { return WINDOWS; }

    @Override
    public double value(FeatureContext ctx) {
        return Feature.ratio(Math.abs(ctx.ret()), ctx.returns().sampleStd(STD_BARS));
    }
}
