package msb.signal;

/**
 * How an artifact turns its probabilities into the signal the decision logic acts on: s_model = p_up - p_down,
 * minus {@code referenceDrift} when centred. The drift is frozen at training time (the mean s_model of the
 * shipped calibration on the rows it was fitted on) and travels in the manifest, so train, evaluate and live
 * act on the same number.
 *
 * @param mode           centred or raw
 * @param referenceDrift mean s_model of the calibration rows (0 for raw)
 */
public record SignalSpec(SignalMode mode, double referenceDrift) {
    /** The seed's behaviour: act on s_model itself. Also what an engine without an artifact uses. */
    public static final SignalSpec RAW = new SignalSpec(SignalMode.RAW, 0.0);

    public SignalSpec {
        if (mode == null) throw new IllegalArgumentException("signal mode missing");
        if (!Double.isFinite(referenceDrift) || Math.abs(referenceDrift) > 1) {
            throw new IllegalArgumentException("reference drift must be a finite s_model value in [-1, 1], got " + referenceDrift);
        }
        if (mode == SignalMode.RAW) referenceDrift = 0.0;
    }

    public static SignalSpec centred(double referenceDrift) { return new SignalSpec(SignalMode.CENTRED, referenceDrift); }

    public static SignalSpec of(SignalMode mode, double referenceDrift) { return new SignalSpec(mode, referenceDrift); }

    /** The signal for one bar's s_model. */
    public double of(double sModel) { return sModel - referenceDrift; }

    public double of(Probs p) { return of(p.sModel()); }

    /** The signal of probability rows {down, neutral, up}. */
    public double[] of(double[][] probs) {
        double[] s = new double[probs.length];
        for (int i = 0; i < probs.length; i++) s[i] = of(probs[i][2] - probs[i][0]);
        return s;
    }

    public String describe() {
        return mode == SignalMode.RAW ? "raw s_model" : String.format(java.util.Locale.ROOT, "centred: s_model - %+.4f", referenceDrift);
    }
}
