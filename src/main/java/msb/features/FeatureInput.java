package msb.features;

import msb.data.Bar;

/**
 * Everything the feature engine reads about one closed bar. Inputs a source lacks are NaN (funding
 * without a funding feed, cohort signals without a cohort file); the schema then leaves out the features
 * that need them, so a NaN never reaches a row.
 *
 * @param ts             bar close time, unix seconds UTC
 * @param fundingPerHour latest settled funding rate at the bar close, fraction per hour; NaN if unknown
 * @param sTop           flow signal of the profitable cohort (SPEC section 6); NaN if unknown
 * @param sBot           flow signal of the unprofitable cohort; NaN if unknown
 * @param takerBuyVolume base volume bought by takers in the bar; NaN where the source does not carry it
 * @param crossCloses    other symbols' closes at this bar's close, in {@link FeatureSchema#crossSymbols} order;
 *                       null when the schema has no cross-asset features
 */
public record FeatureInput(long ts, double open, double high, double low, double close, double volume,
                           double fundingPerHour, double sTop, double sBot, double takerBuyVolume, double[] crossCloses) {

    /** A bar without other symbols' closes. */
    public FeatureInput(long ts, double open, double high, double low, double close, double volume,
                        double fundingPerHour, double sTop, double sBot, double takerBuyVolume) {
        this(ts, open, high, low, close, volume, fundingPerHour, sTop, sBot, takerBuyVolume, null);
    }

    /** A bar without taker-buy volume. */
    public FeatureInput(long ts, double open, double high, double low, double close, double volume,
                        double fundingPerHour, double sTop, double sBot) {
        this(ts, open, high, low, close, volume, fundingPerHour, sTop, sBot, Double.NaN, null);
    }

    /** This input with other symbols' closes. */
    public FeatureInput withCross(double[] closes) {
        return new FeatureInput(ts, open, high, low, close, volume, fundingPerHour, sTop, sBot, takerBuyVolume, closes);
    }

    /** A bar with neither funding nor cohort inputs. */
    public static FeatureInput of(Bar bar) {
        return new FeatureInput(bar.tsClose(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                Double.NaN, Double.NaN, Double.NaN, bar.takerBuyVolume());
    }

    public static FeatureInput of(Bar bar, double fundingPerHour, double sTop, double sBot) {
        return new FeatureInput(bar.tsClose(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                fundingPerHour, sTop, sBot, bar.takerBuyVolume());
    }
}
