package msb.trading;

import msb.data.Bar;
import msb.signal.Probs;

/**
 * Everything the strategy sees when a bar closes.
 *
 * @param bar            the closed bar (ts = close time)
 * @param meta           the stack's calibrated probabilities for this bar; null when the model has none for it
 *                       (feature warm-up or a feed gap): pending orders still fill, funding, exits and the daily
 *                       stop still run, but no new decision is made ("no_signal")
 * @param bma            the BMA arm's probabilities, null when the artifact has none
 * @param sTop           pros' cohort signal, NaN when there is no cohort data
 * @param sBot           amateurs' cohort signal, NaN when absent
 * @param mood           crowd mood; 0 when there is no cohort data (SPEC section 6)
 * @param fundingPerHour funding rate as a fraction per hour (positive: longs pay), NaN when unknown
 * @param spreadBps      quoted spread in bps, NaN when unknown
 * @param receivedAtSec  clock time the bar was processed (replay: the bar's close), for the stale-data guard
 * @param liveMidPrice   NaN in replay (orders fill at the next bar's open); in live the mid at which this
 *                       bar's orders fill at once
 * @param ordersAllowed  false in shadow mode: everything is computed and logged, no order is sent
 */
public record BarContext(Bar bar, Probs meta, Probs bma, double sTop, double sBot, double mood, double fundingPerHour,
                         double spreadBps, long receivedAtSec, double liveMidPrice, boolean ordersAllowed) {
    public BarContext {
        if (bar == null) throw new IllegalArgumentException("the bar is required");
        if (!Double.isFinite(mood)) throw new IllegalArgumentException("mood must be finite (0 when absent), got " + mood);
        if (!Double.isNaN(liveMidPrice) && !(liveMidPrice > 0)) {
            throw new IllegalArgumentException("live mid must be > 0 or NaN, got " + liveMidPrice);
        }
    }

    /** A replay bar with model probabilities only: no cohort data, funding or spread; orders allowed. */
    public static BarContext replay(Bar bar, Probs meta, Probs bma) {
        return new BarContext(bar, meta, bma, Double.NaN, Double.NaN, 0.0, Double.NaN, Double.NaN, bar.tsClose(),
                Double.NaN, true);
    }

    public BarContext withCohort(double sTop, double sBot, double mood) {
        return new BarContext(bar, meta, bma, sTop, sBot, mood, fundingPerHour, spreadBps, receivedAtSec, liveMidPrice,
                ordersAllowed);
    }

    public BarContext withMarket(double fundingPerHour, double spreadBps) {
        return new BarContext(bar, meta, bma, sTop, sBot, mood, fundingPerHour, spreadBps, receivedAtSec, liveMidPrice,
                ordersAllowed);
    }

    public BarContext withReceivedAt(long receivedAtSec) {
        return new BarContext(bar, meta, bma, sTop, sBot, mood, fundingPerHour, spreadBps, receivedAtSec, liveMidPrice,
                ordersAllowed);
    }

    public BarContext withLiveMid(double liveMidPrice) {
        return new BarContext(bar, meta, bma, sTop, sBot, mood, fundingPerHour, spreadBps, receivedAtSec, liveMidPrice,
                ordersAllowed);
    }

    public BarContext shadow() {
        return new BarContext(bar, meta, bma, sTop, sBot, mood, fundingPerHour, spreadBps, receivedAtSec, liveMidPrice,
                false);
    }
}
