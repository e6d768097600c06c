package msb.trading;

import java.util.Locale;
import msb.signal.DirectionCounts;

/**
 * The decision funnel of a run, per direction, with one set of definitions for {@code status}, {@code evaluate}
 * and the report:
 * <ul>
 *   <li>model signals: bars whose model signal reached the live threshold (|s_model| >= S_MIN), by the
 *       direction the model wants;</li>
 *   <li>refused by the gate: model signals the decision rule turned into no decision (below_min: mood too
 *       weak, no_consensus, low_conf, model_only_rejected, no_eligible_arm);</li>
 *   <li>decisions: bars where the decision logic chose a direction, which end in exactly one of
 *       <b>blocked</b> (a guard refused the order), <b>held</b> (no order was needed or allowed: the position
 *       already pointed that way, or pointed the other way and the decision was too weak to reverse it) or
 *       <b>ordered</b> (an order carried it out).</li>
 * </ul>
 * So decisions = blocked + held + ordered on each side. In gate mode every decision comes from a model
 * signal (model signals = refused by the gate + decisions); a bandit arm can also decide on cohort signals.
 * Exit orders (stop loss, take profit, max hold, daily stop, the exit half of a reversal) are not decisions.
 */
public record FunnelCounts(DirectionCounts modelSignals, DirectionCounts refusedByGate, DirectionCounts blocked, DirectionCounts held,
                           DirectionCounts ordered) {
    public static final FunnelCounts ZERO = new FunnelCounts(DirectionCounts.ZERO, DirectionCounts.ZERO, DirectionCounts.ZERO,
            DirectionCounts.ZERO, DirectionCounts.ZERO);

    @com.fasterxml.jackson.annotation.JsonProperty("decisions")
    public DirectionCounts decisions() {
        return new DirectionCounts(blocked.buy() + held.buy() + ordered.buy(), blocked.sell() + held.sell() + ordered.sell());
    }

    FunnelCounts signal(Side s) { return new FunnelCounts(modelSignals.plus(s.dir(), 1), refusedByGate, blocked, held, ordered); }

    FunnelCounts refused(Side s) { return new FunnelCounts(modelSignals, refusedByGate.plus(s.dir(), 1), blocked, held, ordered); }

    FunnelCounts blocked(Side s) { return new FunnelCounts(modelSignals, refusedByGate, blocked.plus(s.dir(), 1), held, ordered); }

    FunnelCounts held(Side s) { return new FunnelCounts(modelSignals, refusedByGate, blocked, held.plus(s.dir(), 1), ordered); }

    FunnelCounts ordered(Side s) { return new FunnelCounts(modelSignals, refusedByGate, blocked, held, ordered.plus(s.dir(), 1)); }

    /**
     * The one funnel sentence of {@code status}, {@code evaluate} and the report, e.g.
     * "BUY : 120 model signals, 20 refused by the gate (below_min 20); 100 decisions = 10 blocked (cooldown 10) + 60 held + 30 ordered".
     */
    public static String line(String side, long signals, long refused, String refusedDetail, long decisions, long blocked,
                              String blockedDetail, long held, long ordered) {
        return String.format(Locale.ROOT, "%-4s: %d model signals, %d refused by the gate%s; %d decisions = %d blocked%s + %d held + %d ordered",
                side, signals, refused, refusedDetail.isEmpty() ? "" : " (" + refusedDetail + ")", decisions, blocked,
                blockedDetail.isEmpty() ? "" : " (" + blockedDetail + ")", held, ordered);
    }
}
