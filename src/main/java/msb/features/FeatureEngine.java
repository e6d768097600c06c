package msb.features;

import java.util.List;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.FundingSeries;

/**
 * Computes the rows of a {@link FeatureSchema} one closed bar at a time. This incremental path is the only
 * implementation: batch computation ({@link #compute}) runs the same {@link #update} over a series, so the
 * live runner and the dataset builder cannot disagree.
 */
public final class FeatureEngine {
    private final FeatureSchema schema;
    private final Feature[] features;
    private final FeatureContext ctx;
    private final boolean needsFunding, needsCohorts, needsTakerBuy;
    private final int crossWidth;

    public FeatureEngine(FeatureSchema schema) {
        this.schema = schema;
        this.features = schema.features().toArray(Feature[]::new);
        this.ctx = new FeatureContext(List.of(features));
        this.needsFunding = schema.hasFunding();
        this.needsCohorts = schema.hasCohorts();
        this.needsTakerBuy = schema.hasTakerBuy();
        this.crossWidth = schema.crossSymbols().size();
    }

    public FeatureSchema schema() { return schema; }

    /** Bars taken so far. */
    public long barsSeen() { return ctx.index() + 1; }

    /**
     * Takes the next closed bar and returns its feature row in schema column order, or null while the
     * engine is warming up (the first {@code schema.warmupBars()} bars).
     *
     * @throws IllegalArgumentException if the bar is not after the previous one, or lacks an input the
     *                                  schema needs (funding or cohort signals NaN)
     */
    public double[] update(FeatureInput in) {
        if (needsFunding && Double.isNaN(in.fundingPerHour())) {
            throw new IllegalArgumentException("bar ts=" + in.ts() + ": fundingPerHour is NaN but the schema "
                    + "includes funding features; supply the funding rate or use a schema without funding");
        }
        if (needsTakerBuy && Double.isNaN(in.takerBuyVolume())) {
            throw new IllegalArgumentException("bar ts=" + in.ts() + ": taker-buy volume is NaN but the schema includes "
                    + "order-flow features; use bars that carry it (Binance klines) or a feature set without ofi_N");
        }
        if (crossWidth > 0) {
            double[] x = in.crossCloses();
            boolean missing = x == null || x.length != crossWidth;
            for (int k = 0; !missing && k < crossWidth; k++) missing = !(x[k] > 0);
            if (missing) {
                throw new IllegalArgumentException("bar ts=" + in.ts() + ": no close of " + schema.crossSymbols() + " at this bar's"
                        + " close, which the schema's cross-asset features read; align the other symbols' bars on this one's");
            }
        }
        if (needsCohorts && (Double.isNaN(in.sTop()) || Double.isNaN(in.sBot()))) {
            throw new IllegalArgumentException("bar ts=" + in.ts() + ": cohort signal is NaN but the schema "
                    + "includes cohort features; supply S_top/S_bot or use a schema without cohorts");
        }
        ctx.advance(in);
        if (ctx.index() < schema.warmupBars()) return null;
        double[] row = new double[features.length];
        for (int j = 0; j < features.length; j++) row[j] = features[j].value(ctx);
        return row;
    }

    /**
     * The features of every bar of a series: {@code rows()[i]} belongs to bar i (null inside the warm-up).
     * Funding and cohort values are the latest known at each bar's close (stamped at or before it).
     */
    public static FeatureMatrix compute(Bars bars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                                        FeatureSchema schema) {
        return compute(bars, fundingOrNull, cohortsOrNull, java.util.Map.of(), schema);
    }

    /**
     * As above, with other symbols' bars for cross-asset features ({@code crossBars} by symbol, same
     * timeframe): each bar reads their close at its own close time, and a bar where one is missing is refused.
     */
    public static FeatureMatrix compute(Bars bars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                                        java.util.Map<String, Bars> crossBars, FeatureSchema schema) {
        if (schema.hasFunding() && fundingOrNull == null) {
            throw new IllegalArgumentException("the schema includes funding features but no funding series was given");
        }
        if (schema.hasCohorts() && cohortsOrNull == null) {
            throw new IllegalArgumentException("the schema includes cohort features but no cohort series was given");
        }
        FeatureEngine engine = new FeatureEngine(schema);
        boolean funded = engine.needsFunding, withCohorts = engine.needsCohorts;
        int n = bars.size();
        long[] ts = bars.ts();
        double[] o = bars.open(), h = bars.high(), l = bars.low(), c = bars.close(), v = bars.volume();
        double[] tb = bars.takerBuyOrNull();
        List<String> cross = schema.crossSymbols();
        Bars[] other = new Bars[cross.size()];
        for (int k = 0; k < other.length; k++) {
            other[k] = crossBars.get(cross.get(k));
            if (other[k] == null) throw new IllegalArgumentException("the schema reads " + cross.get(k) + " closes but no " + cross.get(k) + " bars were given");
        }
        int[] at = new int[other.length];
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double funding = funded ? fundingOrNull.rateAt(ts[i]) : Double.NaN;
            int k = withCohorts ? cohortsOrNull.indexAt(ts[i]) : -1;
            double sTop = k < 0 ? Double.NaN : cohortsOrNull.sTop()[k];
            double sBot = k < 0 ? Double.NaN : cohortsOrNull.sBot()[k];
            double[] xc = null;
            if (other.length > 0) {
                xc = new double[other.length];
                for (int q = 0; q < other.length; q++) {
                    long[] ots = other[q].ts();
                    while (at[q] < ots.length && ots[at[q]] < ts[i]) at[q]++;
                    xc[q] = at[q] < ots.length && ots[at[q]] == ts[i] ? other[q].close()[at[q]] : Double.NaN;
                }
            }
            rows[i] = engine.update(new FeatureInput(ts[i], o[i], h[i], l[i], c[i], v[i], funding, sTop, sBot,
                    tb == null ? Double.NaN : tb[i], xc));
        }
        return new FeatureMatrix(schema, ts, rows);
    }

    /** Convenience for price/volume-only sources. */
    public static FeatureMatrix compute(Bars bars) {
        return compute(bars, null, null, FeatureSchema.of(false, false));
    }

    /** The names of the features, in column order. */
    public List<String> columns() { return schema.columns(); }
}
