package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Series;
import msb.features.Window;

/**
 * rv_ratio_S_L = per-bar realised volatility over the last S bars / over the last L bars, i.e.
 * sqrt((sum r^2 over S / S) / (sum r^2 over L / L)); above 1 when the recent past is more volatile. 0 when
 * no return over L bars moved.
 */
public final class RealizedVolRatio implements Feature {
    private final int shortBars;
    private final int longBars;
    private final List<Window> windows;

    public RealizedVolRatio(int shortBars, int longBars) {
        if (shortBars < 1 || longBars <= shortBars) {
            throw new IllegalArgumentException("rv_ratio needs 1 <= short < long bars, got " + shortBars + ", " + longBars);
        }
        this.shortBars = shortBars;
        this.longBars = longBars;
        this.windows = List.of(Window.of(Series.Base.RETURN, longBars));
    }

    @Override public String name() { return "rv_ratio_" + shortBars + "_" + longBars; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return windows; }

    @Override
    public double value(FeatureContext ctx) {
        double shortVar = ctx.returns().sumOfSquares(shortBars) / shortBars;
        double longVar = ctx.returns().sumOfSquares(longBars) / longBars;
        return Math.sqrt(Feature.ratio(shortVar, longVar));
    }
}
