package msb.decision;

import com.fasterxml.jackson.annotation.JsonValue;

/** The bandit's arms: the two wallet cohorts and the two model outputs (SPEC section 7). */
public enum Arm {
    /** Profitable wallets' flow signal S_top. */
    PROS("pros"),
    /** Unprofitable wallets' flow signal S_bot. */
    AMATEURS("amateurs"),
    /** The stacked, calibrated model's s_model. */
    MODEL_META("model_meta"),
    /** The Bayesian-model-averaged base learners' s_model. */
    MODEL_BMA("model_bma");

    private final String label;

    Arm(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }
}
