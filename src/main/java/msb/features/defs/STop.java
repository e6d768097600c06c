package msb.features.defs;

import msb.features.Feature;
import msb.features.FeatureContext;

/** S_top = flow signal of the profitable trader cohort (SPEC section 6), as given by the cohort input. */
public final class STop implements Feature {
    @Override public String name() { return "S_top"; }
    @Override public int version() { return 1; }
    @Override public int warmupBars() { return 0; }
    @Override public Input input() { return Input.COHORTS; }

    @Override
    public double value(FeatureContext ctx) {
        return ctx.bar().sTop();
    }
}
