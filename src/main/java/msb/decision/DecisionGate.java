package msb.decision;

/**
 * The gate decision of SPEC section 7 (the seed's {@code gate_and_score}), corrected: consensus is a flag,
 * flips are explicit. Pure; {@code shared/vectors/decision_gate.jsonl} pins every branch.
 */
public final class DecisionGate {
    /** Acting modes. */
    public static final String CONSENSUS = "consensus";
    public static final String MODEL_OVER_MOOD = "model_over_mood";
    public static final String MODEL_ONLY = "model_only";
    /** Flat modes: each is a reason the gate refused to act, counted per direction by the engine. */
    public static final String BELOW_MIN = "below_min";
    public static final String MODEL_ONLY_REJECTED = "model_only_rejected";
    public static final String NO_CONSENSUS = "no_consensus";
    public static final String LOW_CONF = "low_conf";

    private DecisionGate() {}

    /**
     * @param mood   crowd mood in [-1, 1] (0 when there is no cohort data)
     * @param sModel p_up - p_down of the model
     */
    public static GateDecision decide(GateConfig c, double mood, double sModel) {
        if (!Double.isFinite(mood)) throw new IllegalArgumentException("mood must be finite, got " + mood);
        if (!Double.isFinite(sModel)) throw new IllegalArgumentException("s_model must be finite, got " + sModel);
        double sMood = c.flipMood() ? -mood : mood;
        double sMod = c.flipModel() ? -sModel : sModel;
        boolean moodOk = Math.abs(sMood) >= c.mMin();
        boolean modelOk = Math.abs(sMod) >= c.sMin();
        if (!(moodOk && modelOk)) {
            if (!moodOk && modelOk && c.allowModelOnlyWhenMoodNeutral()) {
                double conf = Math.min(1.0, Math.abs(sMod));
                if (conf < c.confMin()) return GateDecision.flat(MODEL_ONLY_REJECTED);
                return act(sMod, conf, c, MODEL_ONLY);
            }
            return GateDecision.flat(BELOW_MIN);
        }
        boolean disagree = Math.signum(sMood) != Math.signum(sMod);
        if (disagree && c.requireConsensus()) return GateDecision.flat(NO_CONSENSUS);
        double conf = Math.min(1.0, (Math.abs(sMood) + Math.abs(sMod)) / 2);
        if (conf < c.confMin()) return GateDecision.flat(LOW_CONF);
        return act(sMod, conf, c, disagree ? MODEL_OVER_MOOD : CONSENSUS);
    }

    /** The direction the model wants after its flip flag: what a gate refusal is counted against. */
    public static int wantedDir(GateConfig c, double sModel) {
        return (int) Math.signum(c.flipModel() ? -sModel : sModel);
    }

    private static GateDecision act(double sMod, double conf, GateConfig c, String mode) {
        int dir = (int) Math.signum(sMod);
        // |s_model| >= S_MIN with S_MIN = 0 and s_model = 0 passes the threshold but has no direction.
        if (dir == 0) return GateDecision.flat(BELOW_MIN);
        return new GateDecision(dir, Math.max(c.alphaMin(), Math.min(conf, 1.0)), mode);
    }
}
