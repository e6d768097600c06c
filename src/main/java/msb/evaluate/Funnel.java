package msb.evaluate;

import java.util.Map;
import java.util.TreeMap;

/**
 * The decision funnel of one replay over the evaluated bars, per direction: how many bars the model
 * signalled (|s_model| >= S_MIN, by the sign the decision logic acts on), how many of those each gate rule
 * refused, how many decisions passed the gate, how many each guard then blocked, and the orders placed.
 *
 * @param mode          decision mode of the live config ("gate" or "bandit")
 * @param sMin          the timeframe's live threshold on |s_model|
 * @param bars          bars replayed
 * @param modelSignals  bars with s_model >= +S_MIN (buy) or <= -S_MIN (sell)
 * @param gateBlocked   gate rule (below_min, model_only_rejected, no_consensus, low_conf, ...) -> model
 *                      signals it refused, per direction
 * @param decisions     what the decision logic chose (dir != 0), traded or not
 * @param guardBlocked  guard name -> decisions it blocked, per decided direction
 * @param orders        orders that carried out a decision (enter, scale or reverse), per decided direction;
 *                      exits (stop loss, take profit, max hold, daily stop) are not counted
 * @param roundTrips    closed round trips
 * @param banditEligibilityFrac bandit mode: share of replayed bars with at least one eligible arm; null in gate mode
 * @param mood          where the replay's mood (and cohort arms' signals) came from, e.g. "none (no cohort data)"
 */
public record Funnel(String mode, double sMin, int bars, Sides modelSignals, Map<String, Sides> gateBlocked,
                     Sides decisions, Map<String, Sides> guardBlocked, Sides orders, int roundTrips,
                     Double banditEligibilityFrac, String mood) {
    public static final String NO_MOOD = "none (no cohort data)";

    public Funnel {
        gateBlocked = Map.copyOf(new TreeMap<>(gateBlocked));
        guardBlocked = Map.copyOf(new TreeMap<>(guardBlocked));
        if (mood == null) mood = NO_MOOD;
    }

    /** A gate-mode funnel without cohort data. */
    public Funnel(String mode, double sMin, int bars, Sides modelSignals, Map<String, Sides> gateBlocked,
                  Sides decisions, Map<String, Sides> guardBlocked, Sides orders, int roundTrips) {
        this(mode, sMin, bars, modelSignals, gateBlocked, decisions, guardBlocked, orders, roundTrips, null, NO_MOOD);
    }

    /** Total refusals of one direction by the gate rules. */
    public long gateBlockedTotal(int dir) {
        return gateBlocked.values().stream().mapToLong(s -> s.of(dir)).sum();
    }

    public long guardBlockedTotal(int dir) {
        return guardBlocked.values().stream().mapToLong(s -> s.of(dir)).sum();
    }
}
