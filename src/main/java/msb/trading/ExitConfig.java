package msb.trading;

/**
 * When an open position is closed (SPEC section 7). A value of 0 disables maxHoldingBars, stopLossBps and
 * takeProfitBps.
 *
 * @param reverseAlphaMin an opposite decision with at least this alpha reverses the position; a weaker one
 *                        is ignored
 * @param netEdgeCheck    refuse entries whose expected edge, per-bar realized move x (p_up - p_down) x dir,
 *                        does not exceed the round-trip cost 2 x (fee + slippage)
 */
public record ExitConfig(int maxHoldingBars, double stopLossBps, double takeProfitBps, double reverseAlphaMin,
                         boolean netEdgeCheck) {
    public ExitConfig {
        if (maxHoldingBars < 0) throw new IllegalArgumentException("max_holding_bars must be >= 0, got " + maxHoldingBars);
        if (!(stopLossBps >= 0)) throw new IllegalArgumentException("stop_loss_bps must be >= 0, got " + stopLossBps);
        if (!(takeProfitBps >= 0)) throw new IllegalArgumentException("take_profit_bps must be >= 0, got " + takeProfitBps);
        if (!(reverseAlphaMin >= 0 && reverseAlphaMin <= 1)) {
            throw new IllegalArgumentException("reverse_alpha_min must be in [0, 1], got " + reverseAlphaMin);
        }
    }
}
