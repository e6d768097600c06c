package msb.features;

import java.util.List;

/**
 * One catalog feature, in the manner of a ta4j indicator: a column name (which spells out its parameters,
 * e.g. {@code ret_168}), a definition version (part of the schema hash, so a changed definition can never
 * be mistaken for the old one), the windows it reads, and its value at the context's current bar. The
 * warm-up is derived from the windows, never stated. The rolling state lives once in {@link FeatureContext},
 * sized to the longest window the schema reads; a feature keeps no state of its own, so batch and
 * bar-by-bar use are the same code.
 */
public interface Feature {

    /** Column name, e.g. {@code mom_1}. */
    String name();

    /** Definition version; bump it whenever the value the feature produces changes. */
    int version();

    /** The series windows the feature reads (empty: only the current bar). */
    List<Window> windows();

    /** 0-based index of the first bar at which the value is defined: the latest first-full bar of its windows. */
    default int warmupBars() {
        int w = 0;
        for (Window x : windows()) w = Math.max(w, x.firstBar());
        return w;
    }

    /** Which input the feature needs beyond OHLCV, if any. */
    default Input input() { return Input.PRICE_VOLUME; }

    /** The value at {@code ctx}'s current bar; called only once {@code ctx.index() >= warmupBars()}. */
    double value(FeatureContext ctx);

    /** The data a feature is computed from: a source that lacks one leaves its features out. */
    enum Input { PRICE_VOLUME, FUNDING, COHORTS, TAKER_BUY, CROSS }

    /** num / den, and 0 when the denominator is 0 (SPEC section 3: never NaN or infinity). */
    static double ratio(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }
}
