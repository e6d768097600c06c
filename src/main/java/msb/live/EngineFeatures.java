package msb.live;

import msb.data.Bar;
import msb.features.FeatureEngine;
import msb.features.FeatureInput;
import msb.features.FeatureSchema;

/**
 * The runner's {@link FeatureStep}: the same {@link FeatureEngine} that builds datasets, fed one closed bar
 * at a time. Funding comes from the feed (stored series in replay, the venue live); cohort inputs are
 * absent in the live runner (mood 0, SPEC section 6), so a schema that needs them is refused up front.
 */
public final class EngineFeatures implements FeatureStep {
    private final FeatureEngine engine;
    private double lastFundingPerHour = Double.NaN;

    public EngineFeatures(FeatureSchema schema) {
        if (schema.hasCohorts()) {
            throw new IllegalArgumentException("the artifact's features need cohort signals (S_top, S_bot), which the live "
                    + "runner has no source for; train on a dataset built without a cohort file");
        }
        this.engine = new FeatureEngine(schema);
    }

    @Override
    public double[] update(Bar bar, MarketContext market) {
        // a missed funding poll keeps the last known rate (funding settles hourly; it is the latest known value)
        if (!Double.isNaN(market.fundingPerHour())) lastFundingPerHour = market.fundingPerHour();
        double funding = engine.schema().hasFunding() ? lastFundingPerHour : Double.NaN;
        return engine.update(FeatureInput.of(bar, funding, Double.NaN, Double.NaN));
    }
}
