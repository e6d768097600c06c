package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import msb.signal.DirectionCounts;

/**
 * The runner's view of the trading engine (decision gate or bandit, exits, sizing, guards, paper book).
 * One implementation adapts {@code msb.trading.TradingEngine}; tests use small fakes. Cheap accessors are
 * read on every bar; {@link #snapshot()} only at checkpoints.
 */
public interface Trader {
    /** Processes one closed bar: decides, trades on paper (never in shadow mode), reports events. */
    void onBar(LiveBar bar, EventSink events);

    double equity();

    double position();

    double realizedPnl();

    /** What the decision logic chose, traded or not. */
    DirectionCounts signals();

    DirectionCounts orders();

    /** Closed round trips, each JSON-serialisable and stamped with bar times only. */
    List<Object> roundTrips();

    /** Per guard or gate name, what it blocked per direction. */
    Map<String, DirectionCounts> blocked();

    /** True while a daily stop (or another engine halt) is in effect. */
    boolean halted();

    /** Sign flips and other non-default switches in effect, by name (empty when none). */
    Map<String, Object> flips();

    /** Share of bars with at least one eligible bandit arm; NaN when not in bandit mode. */
    double banditEligibilityFrac();

    /** The decision funnel (msb.trading.FunnelCounts definitions); null when the trader keeps none. */
    default msb.trading.FunnelCounts funnel() { return null; }

    /** Where the decision logic's mood and cohort signals come from (one line for status and the summary). */
    default String moodSource() { return "none (no cohort data)"; }

    /**
     * Halts new orders (entries, scale-ups, the new side of a reversal) while {@code reasonOrNull} is not null;
     * exits still run. The runner sets it before every bar (drift); a trader without the notion ignores it.
     */
    default void haltEntries(String reasonOrNull) { }

    /** Identifies the strategy configuration (a resumed run must use the same one). */
    String configId();

    /** The complete engine state as JSON, enough for {@link #restore} to continue bit-identically. */
    JsonNode snapshot();

    /**
     * The engine state as of now, for a checkpoint writer's thread to serialise while this trader goes on: an
     * immutable value that shares nothing the trader changes later and serialises (msb.core.Json) to the JSON of
     * {@link #snapshot()}.
     */
    default Object snapshotValue() { return snapshot(); }

    void restore(JsonNode snapshot);

    /** Goes on with a retrained artifact's signal (and its mode) from the current state, at a bar boundary. */
    default void swapModel(msb.signal.SignalSpec signal, boolean shadow) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot swap models");
    }
}
