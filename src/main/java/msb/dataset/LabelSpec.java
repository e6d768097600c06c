package msb.dataset;

/**
 * How a row's tri-class label is cut from its forward return {@code close[t+h] / close[t] - 1}: UP above
 * +threshold, DOWN below -threshold, NEUTRAL otherwise (a return exactly on the threshold is NEUTRAL).
 * The threshold is either a fixed {@code thresholdBps}, or adaptive: {@code k} x the sample standard
 * deviation of the last {@code volWindowBars} one-bar returns up to and including bar t (never after it).
 *
 * <p>Defaults ({@link #DEFAULT}): h = 1 bar (SPEC section 4), adaptive with k = 0.5 over 50 bars (the
 * original bot's 0.5-sigma labels, with the same 50-bar window as the features' return std).
 * {@code thresholdBps} = 10 is used only when {@code kind} is FIXED (the pandas reference's +-10 bps).
 * The adaptive threshold is not scaled by sqrt(h): SPEC defines it as k x the one-bar std.
 *
 * @param volWindowBars at most {@link #MAX_VOL_WINDOW_BARS}, so that every row after the feature
 *                      warm-up has its sigma
 */
public record LabelSpec(int horizonBars, Kind kind, double thresholdBps, double k, int volWindowBars) {
    public static final int MAX_VOL_WINDOW_BARS = 100;
    public static final LabelSpec DEFAULT = new LabelSpec(1, Kind.ADAPTIVE, 10.0, 0.5, 50);

    public enum Kind { FIXED, ADAPTIVE }

    public LabelSpec {
        if (horizonBars < 1 || horizonBars > 1000) {
            throw new IllegalArgumentException("label horizonBars must be in [1, 1000], got " + horizonBars);
        }
        if (kind == null) throw new IllegalArgumentException("label kind must be fixed or adaptive");
        if (!(thresholdBps >= 0) || !Double.isFinite(thresholdBps)) {
            throw new IllegalArgumentException("label thresholdBps must be finite and >= 0, got " + thresholdBps);
        }
        if (!(k >= 0) || !Double.isFinite(k)) throw new IllegalArgumentException("label k must be finite and >= 0, got " + k);
        if (volWindowBars < 2 || volWindowBars > MAX_VOL_WINDOW_BARS) {
            throw new IllegalArgumentException("label volWindowBars must be in [2, " + MAX_VOL_WINDOW_BARS + "], got "
                    + volWindowBars);
        }
    }

    public static LabelSpec fixed(int horizonBars, double thresholdBps) {
        return new LabelSpec(horizonBars, Kind.FIXED, thresholdBps, DEFAULT.k, DEFAULT.volWindowBars);
    }

    public static LabelSpec adaptive(int horizonBars, double k, int volWindowBars) {
        return new LabelSpec(horizonBars, Kind.ADAPTIVE, DEFAULT.thresholdBps, k, volWindowBars);
    }

    /** One line for the manifest and logs. */
    public String describe() {
        return switch (kind) {
            case FIXED -> "fwd return over " + horizonBars + " bar(s) vs +-" + thresholdBps + " bps";
            case ADAPTIVE -> "fwd return over " + horizonBars + " bar(s) vs +-" + k + " x sample std of the last "
                    + volWindowBars + " one-bar returns up to and including t";
        };
    }
}
