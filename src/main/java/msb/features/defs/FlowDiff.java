package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/** flow_diff = S_top - S_bot. */
public final class FlowDiff implements Feature {
    @Override public String name() { return "flow_diff"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }
    @Override public Input input() { return Input.COHORTS; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().sTop() - ctx.bar().sBot();
    }
}
