package msb.evaluate;

import msb.trading.RoundTrip;

/**
 * One closed round trip of a replay, as the report lists it. Times are the close times of the deciding bars
 * (unix seconds UTC), as in status' round trips.
 *
 * @param size         largest absolute position held (base units)
 * @param pnlUsd       net: gross price PnL - fees - funding
 * @param durationBars bars from the entry decision to the exit decision
 * @param exitReason   the reason of the closing order: exit_stop_loss, exit_take_profit, exit_max_hold,
 *                     exit_reverse, daily_stop, or the decision that scaled the position to zero
 */
public record Trade(String side, long entryTs, long exitTs, double size, double entryPrice, double exitPrice,
                    double grossPnlUsd, double feesUsd, double fundingUsd, double pnlUsd, long durationBars,
                    String exitReason) {
    static Trade of(RoundTrip t, long barSeconds, String exitReason) {
        return new Trade(t.side(), t.entryTs(), t.exitTs(), t.maxQty(), t.entryPrice(), t.exitPrice(), t.grossPnlUsd(),
                t.feesUsd(), t.fundingUsd(), t.pnlUsd(), (t.exitTs() - t.entryTs()) / barSeconds, exitReason);
    }
}
