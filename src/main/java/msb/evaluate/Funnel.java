package msb.evaluate;

import java.util.Map;
import java.util.TreeMap;
import msb.signal.DirectionCounts;

/**
 * The decision funnel of one replay over the evaluated bars, per direction, with msb.trading.FunnelCounts'
 * definitions (the same as {@code status}): model signals (|s_model| >= S_MIN, by the direction the model
 * wants), those the decision rule refused, and the decisions, each of which ends in exactly one of blocked
 * (a guard refused its order), held (no order needed or allowed) or ordered: decisions = blocked + held + orders.
 *
 * @param mode          decision mode of the live config ("gate" or "bandit")
 * @param sMin          the timeframe's live threshold on |s_model|
 * @param bars          bars replayed
 * @param modelSignals  bars with s_model >= +S_MIN (buy) or <= -S_MIN (sell)
 * @param gateBlocked   decision rule (below_min, model_only_rejected, no_consensus, low_conf, ...) -> model
 *                      signals it refused, per direction
 * @param decisions     what the decision logic chose (dir != 0), traded or not
 * @param guardBlocked  guard name -> decisions it blocked, per decided direction
 * @param orders        decisions carried out by an order (enter, scale or reverse), per decided direction;
 *                      exits (stop loss, take profit, max hold, daily stop) are not decisions
 * @param roundTrips    closed round trips
 * @param banditEligibilityFrac bandit mode: share of replayed bars with at least one eligible arm; null in gate mode
 * @param mood          where the replay's mood (and cohort arms' signals) came from, e.g. "none (no cohort data)"
 * @param blocked       decisions a guard blocked (each counted once, whichever guard)
 * @param held          decisions that sent no order and were not blocked: the position already pointed that
 *                      way, or pointed the other way and the decision was too weak to reverse it
 */
public record Funnel(String mode, double sMin, int bars, DirectionCounts modelSignals, Map<String, DirectionCounts> gateBlocked,
                     DirectionCounts decisions, Map<String, DirectionCounts> guardBlocked, DirectionCounts orders, int roundTrips,
                     Double banditEligibilityFrac, String mood, DirectionCounts blocked, DirectionCounts held) {
    public static final String NO_MOOD = "none (no cohort data)";

    public Funnel {
        gateBlocked = Map.copyOf(new TreeMap<>(gateBlocked));
        guardBlocked = Map.copyOf(new TreeMap<>(guardBlocked));
        if (mood == null) mood = NO_MOOD;
        for (int dir : new int[] {1, -1}) {
            if (blocked.of(dir) + held.of(dir) + orders.of(dir) != decisions.of(dir)) {
                throw new IllegalArgumentException("funnel does not reconcile on " + DirectionCounts.sideName(dir) + ": " + decisions.of(dir)
                        + " decisions != " + blocked.of(dir) + " blocked + " + held.of(dir) + " held + " + orders.of(dir) + " ordered");
            }
        }
    }

    /**
     * A gate-mode funnel without cohort data, written by hand (tests): each decision a guard blocked is blocked,
     * one guard per decision, the rest not ordered is held.
     */
    public Funnel(String mode, double sMin, int bars, DirectionCounts modelSignals, Map<String, DirectionCounts> gateBlocked,
                  DirectionCounts decisions, Map<String, DirectionCounts> guardBlocked, DirectionCounts orders, int roundTrips) {
        this(mode, sMin, bars, modelSignals, gateBlocked, decisions, guardBlocked, orders, roundTrips, null, NO_MOOD,
                sum(guardBlocked), new DirectionCounts(decisions.buy() - sum(guardBlocked).buy() - orders.buy(),
                        decisions.sell() - sum(guardBlocked).sell() - orders.sell()));
    }

    private static DirectionCounts sum(Map<String, DirectionCounts> m) {
        DirectionCounts t = DirectionCounts.ZERO;
        for (DirectionCounts s : m.values()) t = new DirectionCounts(t.buy() + s.buy(), t.sell() + s.sell());
        return t;
    }

    /** Total refusals of one direction by the gate rules. */
    public long gateBlockedTotal(int dir) {
        return gateBlocked.values().stream().mapToLong(s -> s.of(dir)).sum();
    }

    public long guardBlockedTotal(int dir) {
        return guardBlocked.values().stream().mapToLong(s -> s.of(dir)).sum();
    }
}
