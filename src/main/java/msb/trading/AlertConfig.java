package msb.trading;

/**
 * Alerts: one-directional decisions (every one of the last oneSidedWindowDecisions non-flat decisions on
 * the same side) and low bandit eligibility (share of the last eligibilityWindowBars bars with an
 * eligible arm below lowEligibilityFrac).
 */
public record AlertConfig(int oneSidedWindowDecisions, int eligibilityWindowBars, double lowEligibilityFrac) {
    public AlertConfig {
        if (oneSidedWindowDecisions < 2) {
            throw new IllegalArgumentException("one_sided_window_decisions must be >= 2, got " + oneSidedWindowDecisions);
        }
        if (eligibilityWindowBars < 1) {
            throw new IllegalArgumentException("eligibility_window_bars must be >= 1, got " + eligibilityWindowBars);
        }
        if (!(lowEligibilityFrac >= 0 && lowEligibilityFrac <= 1)) {
            throw new IllegalArgumentException("low_eligibility_frac must be in [0, 1], got " + lowEligibilityFrac);
        }
    }
}
