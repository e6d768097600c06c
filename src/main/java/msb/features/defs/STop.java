package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/** S_top = flow signal of the profitable trader cohort (SPEC section 6), as given by the cohort input. */
public final class STop implements Feature {
    @Override public String name() { return "S_top"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }
    @Override public Input input() { return Input.COHORTS; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().sTop();
    }
}
