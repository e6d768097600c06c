package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/** day_of_week = UTC weekday of the bar's last second, 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
public final class DayOfWeek implements Feature {
    private static final long THURSDAY = 3;

    @Override public String name() { return "day_of_week"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }

    @Override
    public double value(FeatureContext ctx) {
        return Math.floorMod(Math.floorDiv(ctx.bar().ts() - 1, 86_400L) + THURSDAY, 7L);
    }
}
