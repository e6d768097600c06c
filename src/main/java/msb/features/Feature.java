package msb.features;

/**
 * One feature of SPEC section 3, in the manner of a ta4j indicator: a name, a definition version (part of
 * the schema hash, so a changed definition can never be mistaken for the old one), the number of bars it
 * needs before its first value, and its value at the context's current bar. The rolling state it reads
 * (returns, EMA20, rv_1h history, ...) lives once in {@link FeatureContext}; a feature never keeps state
 * of its own, so batch and bar-by-bar use are the same code.
 */
public interface Feature {

    /** Column name, e.g. {@code mom_1}. */
    String name();

    /** Definition version; bump it whenever the value the feature produces changes. */
    int version();

    /** 0-based index of the first bar at which the value is defined (every window it needs is full). */
    int warmupBars();

    /** Which input the feature needs beyond OHLCV, if any. */
    default Input input() { return Input.PRICE_VOLUME; }

    /** The value at {@code ctx}'s current bar; called only once {@code ctx.index() >= warmupBars()}. */
    double value(FeatureContext ctx);

    /** The data a feature is computed from: a source that lacks one leaves its features out. */
    enum Input { PRICE_VOLUME, FUNDING, COHORTS }

    /** num / den, and 0 when the denominator is 0 (SPEC section 3: never NaN or infinity). */
    static double ratio(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }
}
