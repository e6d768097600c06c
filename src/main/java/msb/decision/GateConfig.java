package msb.decision;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Thresholds and flags of the gate decision (SPEC section 7). The JSON names are the seed's
 * ({@code S_MIN}, {@code flip_mood}, ...), as in {@code shared/vectors/decision_gate.jsonl}.
 *
 * @param sMin     minimum |s_model| (s_model = p_up - p_down) for the model to count; also the cohort
 *                 arms' threshold in bandit mode and the timeframe's live threshold the evaluation reports
 * @param mMin     minimum |mood| for the crowd mood to count
 * @param confMin  minimum confidence to act
 * @param alphaMin floor of alpha (the sizing multiplier) when acting
 */
public record GateConfig(
        @JsonProperty("S_MIN") double sMin,
        @JsonProperty("M_MIN") double mMin,
        @JsonProperty("CONF_MIN") double confMin,
        @JsonProperty("ALPHA_MIN") double alphaMin,
        @JsonProperty("flip_mood") boolean flipMood,
        @JsonProperty("flip_model") boolean flipModel,
        @JsonProperty("allow_model_only_when_mood_neutral") boolean allowModelOnlyWhenMoodNeutral,
        @JsonProperty("require_consensus") boolean requireConsensus) {

    public GateConfig {
        check("S_MIN", sMin);
        check("M_MIN", mMin);
        check("CONF_MIN", confMin);
        check("ALPHA_MIN", alphaMin);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }

    // built by name: a default (or a fixture) with the fields that differ, not positional arguments
    public GateConfig withSMin(double v) { return new GateConfig(v, mMin, confMin, alphaMin, flipMood, flipModel, allowModelOnlyWhenMoodNeutral, requireConsensus); }

    public GateConfig withMMin(double v) { return new GateConfig(sMin, v, confMin, alphaMin, flipMood, flipModel, allowModelOnlyWhenMoodNeutral, requireConsensus); }

    public GateConfig withConfMin(double v) { return new GateConfig(sMin, mMin, v, alphaMin, flipMood, flipModel, allowModelOnlyWhenMoodNeutral, requireConsensus); }

    public GateConfig withAlphaMin(double v) { return new GateConfig(sMin, mMin, confMin, v, flipMood, flipModel, allowModelOnlyWhenMoodNeutral, requireConsensus); }

    public GateConfig withFlipMood(boolean v) { return new GateConfig(sMin, mMin, confMin, alphaMin, v, flipModel, allowModelOnlyWhenMoodNeutral, requireConsensus); }

    public GateConfig withFlipModel(boolean v) { return new GateConfig(sMin, mMin, confMin, alphaMin, flipMood, v, allowModelOnlyWhenMoodNeutral, requireConsensus); }

    public GateConfig withAllowModelOnlyWhenMoodNeutral(boolean v) { return new GateConfig(sMin, mMin, confMin, alphaMin, flipMood, flipModel, v, requireConsensus); }

    public GateConfig withRequireConsensus(boolean v) { return new GateConfig(sMin, mMin, confMin, alphaMin, flipMood, flipModel, allowModelOnlyWhenMoodNeutral, v); }
}
