package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/**
 * hour_of_day = UTC hour (0..23) of the bar's last second (a bar closing at 01:00 covers 00:00-01:00 and
 * reads 0), known at the close: no look-ahead.
 */
public final class HourOfDay implements Feature {
    @Override public String name() { return "hour_of_day"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }

    @Override
    public double value(FeatureContext ctx) {
        return Math.floorMod(ctx.bar().ts() - 1, 86_400L) / 3_600;
    }
}
