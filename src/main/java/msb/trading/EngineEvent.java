package msb.trading;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import msb.decision.Arm;

/**
 * What the engine reports, in order, to its listener (the live runner's JSONL log, evaluate's funnel).
 * Serialised with a {@code "type"} field. Every timestamp is a bar close time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EngineEvent.Decision.class, name = "decision"),
        @JsonSubTypes.Type(value = EngineEvent.Order.class, name = "order"),
        @JsonSubTypes.Type(value = Fill.class, name = "fill"),
        @JsonSubTypes.Type(value = RoundTrip.class, name = "round_trip"),
        @JsonSubTypes.Type(value = EngineEvent.GuardBlock.class, name = "guard_block"),
        @JsonSubTypes.Type(value = EngineEvent.Reward.class, name = "reward"),
        @JsonSubTypes.Type(value = EngineEvent.Alert.class, name = "alert")})
public sealed interface EngineEvent
        permits EngineEvent.Decision, EngineEvent.Order, Fill, RoundTrip, EngineEvent.GuardBlock, EngineEvent.Reward,
        EngineEvent.Alert {

    /**
     * The strategy's decision on a closed bar (computed in shadow mode too).
     *
     * @param dir     what the decision logic chose (-1/0/1), before exits and guards
     * @param mode    the gate's mode, or bandit_&lt;arm&gt; / no_eligible_arm
     * @param arm     the bandit arm chosen, null in gate mode
     * @param action  hold, enter, scale, reverse, exit_stop_loss, exit_take_profit, exit_max_hold, daily_stop
     * @param targetUsd signed target notional (NaN when holding)
     */
    record Decision(long ts, int dir, double alpha, String mode, Arm arm, double sModel, double signal, double mood, String action,
                    double targetUsd, double positionQty, double equityUsd) implements EngineEvent {}

    /** An order handed to the broker (or queued for the next open). */
    record Order(long ts, Side side, double qty, String reason) implements EngineEvent {}

    /** A guard or the decision gate refused a trade in the given direction. */
    record GuardBlock(long ts, String gate, Side side, String detail) implements EngineEvent {}

    /** The bandit learned: the arm's position earned rewardBps (net, after costs) over one bar. */
    record Reward(long ts, Arm arm, double rewardBps) implements EngineEvent {}

    /** Something a human should look at: one_directional, low_eligibility, daily_stop. */
    record Alert(long ts, String kind, String message) implements EngineEvent {}
}
