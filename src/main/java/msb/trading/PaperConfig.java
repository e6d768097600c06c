package msb.trading;

/**
 * Paper execution costs. A buy fills at ref x (1 + (slippage + impact) / 1e4), a sell below ref likewise;
 * impact = min(impactMaxBps, impactBpsPerMillionUsd x notional / 1e6).
 */
public record PaperConfig(double initialEquityUsd, double feeBps, double slippageBps, double impactBpsPerMillionUsd,
                          double impactMaxBps) {
    public PaperConfig {
        if (!(initialEquityUsd > 0)) {
            throw new IllegalArgumentException("initial_equity_usd must be > 0, got " + initialEquityUsd);
        }
        if (!(feeBps >= 0)) throw new IllegalArgumentException("fee_bps must be >= 0, got " + feeBps);
        if (!(slippageBps >= 0)) throw new IllegalArgumentException("slippage_bps must be >= 0, got " + slippageBps);
        if (!(impactBpsPerMillionUsd >= 0)) {
            throw new IllegalArgumentException("impact_bps_per_million_usd must be >= 0, got " + impactBpsPerMillionUsd);
        }
        if (!(impactMaxBps >= 0)) throw new IllegalArgumentException("impact_max_bps must be >= 0, got " + impactMaxBps);
    }

    /** Cost of opening and closing once, in bps of notional (impact excluded). */
    public double roundTripCostBps() { return 2 * (feeBps + slippageBps); }
}
