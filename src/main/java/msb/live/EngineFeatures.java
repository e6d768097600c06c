package msb.live;

import java.util.List;
import java.util.Map;
import msb.data.Bar;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.features.FeatureEngine;
import msb.features.FeatureInput;
import msb.features.FeatureSchema;

/**
 * The runner's {@link FeatureStep}: the same {@link FeatureEngine} that builds datasets, fed one closed bar
 * at a time. Funding comes from the feed (stored series in replay, the venue live). Cohort features come
 * from the stored cohort series in a replay, looked up exactly as the dataset builder does (the latest row at
 * or before the bar's close); the live venue has no cohort source, so a schema that needs them is refused there.
 */
public final class EngineFeatures implements FeatureStep {
    private final FeatureEngine engine;
    private final CohortSignals cohorts;
    private final boolean funded;
    private final Bars[] cross;
    private double lastFundingPerHour = Double.NaN;

    public EngineFeatures(FeatureSchema schema) {
        this(schema, null);
    }

    /** @param cohortsOrNull the stored cohort series (replay); required when the schema has cohort features */
    public EngineFeatures(FeatureSchema schema, CohortSignals cohortsOrNull) {
        this(schema, cohortsOrNull, Map.of());
    }

    /**
     * @param crossTfBars other symbols' bars of the timeframe (replay), by symbol; each bar reads their close at
     *                    its own close time (the engine refuses a bar where one is missing)
     */
    public EngineFeatures(FeatureSchema schema, CohortSignals cohortsOrNull, Map<String, Bars> crossTfBars) {
        if (schema.hasCohorts() && cohortsOrNull == null) {
            throw new IllegalArgumentException("the artifact's features need cohort signals (S_top, S_bot), which this "
                    + "feed has no source for; replay stored bars with a stored cohort file, or train without one");
        }
        this.engine = new FeatureEngine(schema);
        this.cohorts = schema.hasCohorts() ? cohortsOrNull : null;
        this.funded = schema.hasFunding();
        List<String> symbols = schema.crossSymbols();
        this.cross = new Bars[symbols.size()];
        for (int k = 0; k < cross.length; k++) {
            cross[k] = crossTfBars.get(symbols.get(k));
            if (cross[k] == null) {
                throw new IllegalArgumentException("the artifact's features read " + symbols.get(k) + " bars, which this feed has no"
                        + " source for; replay stored bars with " + symbols.get(k) + " bars imported");
            }
        }
    }

    @Override
    public double[] update(Bar bar, MarketContext market) {
        // a missed funding poll keeps the last known rate (funding settles hourly; it is the latest known value)
        if (!Double.isNaN(market.fundingPerHour())) lastFundingPerHour = market.fundingPerHour();
        double funding = funded ? lastFundingPerHour : Double.NaN;
        int k = cohorts == null ? -1 : cohorts.indexAt(bar.tsClose());
        double sTop = k < 0 ? Double.NaN : cohorts.sTop()[k];
        double sBot = k < 0 ? Double.NaN : cohorts.sBot()[k];
        FeatureInput in = FeatureInput.of(bar, funding, sTop, sBot);
        if (cross.length > 0) {
            double[] closes = new double[cross.length];
            for (int q = 0; q < cross.length; q++) {
                int i = java.util.Arrays.binarySearch(cross[q].ts(), bar.tsClose());
                closes[q] = i >= 0 ? cross[q].close()[i] : Double.NaN;
            }
            in = in.withCross(closes);
        }
        return engine.update(in);
    }
}
