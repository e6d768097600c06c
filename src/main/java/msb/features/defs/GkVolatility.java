package msb.features.defs;

import java.util.List;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.Window;

/**
 * Garman-Klass volatility of the bar: sqrt(0.5 ln(h/l)^2 - (2 ln 2 - 1) ln(c/o)^2), the radicand
 * floored at 0 (a bar whose body spans its whole range can make it slightly negative).
 */
public final class GkVolatility implements Feature {
    @Override public String name() { return "gk_volatility"; }
    @Override public int version() { return 1; }
    @Override public List<Window> windows() { return List.of(); }

    @Override
    public double value(FeatureContext ctx) {
        var b = ctx.bar();
        double hl = Math.log(b.high() / b.low()), co = Math.log(b.close() / b.open());
        return Math.sqrt(Math.max(0.0, 0.5 * hl * hl - (2 * Math.log(2) - 1) * co * co));
    }
}
