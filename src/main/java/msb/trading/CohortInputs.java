package msb.trading;

import msb.core.Timeframe;
import msb.data.CohortSignals;

/**
 * The cohort inputs of the decision logic (SPEC section 6): for each bar, the latest stored cohort row
 * stamped at or before the bar's close (never a later one) gives {@code sTop}, {@code sBot} and
 * {@code mood}; with no cohort data, or none known at the bar, or the latest one older than
 * {@code maxAgeSec}, they are absent (NaN, NaN, mood 0). The one place that maps cohort data onto a
 * {@link BarContext}: evaluate's replay and run-live's replay feed both go through {@link #apply}.
 */
public final class CohortInputs {
    /** No cohort data: mood 0, cohort arms ineligible. */
    public static final CohortInputs NONE = new CohortInputs(null, 0);
    /** A cohort row older than this at a bar's close is stale (the same day-long limit as the dataset builder). */
    public static final long DEFAULT_MAX_AGE_SEC = 86_400;

    private final CohortSignals signals;
    private final long maxAgeSec;

    private CohortInputs(CohortSignals signals, long maxAgeSec) {
        this.signals = signals;
        this.maxAgeSec = maxAgeSec;
    }

    /**
     * Cohort inputs for bars of {@code tf}; {@code signalsOrNull} null or empty gives {@link #NONE}. A row may be
     * as old as one day, or one bar of {@code tf} when that is longer.
     */
    public static CohortInputs of(CohortSignals signalsOrNull, Timeframe tf) {
        if (signalsOrNull == null || signalsOrNull.size() == 0) return NONE;
        return new CohortInputs(signalsOrNull, Math.max(DEFAULT_MAX_AGE_SEC, tf.seconds()));
    }

    public boolean present() { return signals != null; }

    /**
     * sha256 over every stored row (empty string without data): a runner resumed on other cohort data would not
     * end where an uninterrupted run does, so the runner's identity includes it.
     */
    public String fingerprint() {
        if (signals == null) return "";
        var md = msb.core.Hashing.sha256();
        var buf = java.nio.ByteBuffer.allocate(32);
        for (int i = 0; i < signals.size(); i++) {
            buf.clear();
            buf.putLong(signals.ts()[i]).putDouble(signals.sTop()[i]).putDouble(signals.sBot()[i]).putDouble(signals.mood()[i]);
            md.update(buf.array());
        }
        md.update(java.nio.ByteBuffer.allocate(8).putLong(maxAgeSec).array());
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** The cohort row in effect at a bar closing at {@code barCloseTs}, or -1 (none yet, or stale). */
    public int indexAt(long barCloseTs) {
        if (signals == null) return -1;
        int k = signals.indexAt(barCloseTs);
        if (k < 0 || barCloseTs - signals.ts()[k] > maxAgeSec) return -1;
        return k;
    }

    /** {@code ctx} with the cohort values in effect at its bar's close (absent: NaN, NaN, mood 0). */
    public BarContext apply(BarContext ctx) {
        int k = indexAt(ctx.bar().tsClose());
        if (k < 0) return ctx.withCohort(Double.NaN, Double.NaN, 0.0);
        return ctx.withCohort(signals.sTop()[k], signals.sBot()[k], signals.mood()[k]);
    }

    /** One line for summaries and reports: where the mood comes from. */
    public String describe() {
        if (signals == null) return "none (no cohort data)";
        long[] ts = signals.ts();
        return "cohort data (" + signals.size() + " rows, " + java.time.Instant.ofEpochSecond(ts[0]) + " .. "
                + java.time.Instant.ofEpochSecond(ts[ts.length - 1]) + "; latest row at or before each bar close, "
                + "mood 0 where none is newer than " + maxAgeSec + " s)";
    }
}
