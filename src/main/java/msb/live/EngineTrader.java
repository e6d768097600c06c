package msb.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Json;
import msb.core.Timeframe;
import msb.signal.DirectionCounts;
import msb.trading.EngineEvent;
import msb.trading.EngineState;
import msb.trading.Fill;
import msb.trading.RoundTrip;
import msb.trading.BarContext;
import msb.trading.CohortInputs;
import msb.trading.StrategyConfig;
import msb.trading.TradingEngine;

/**
 * The runner's {@link Trader} over {@link TradingEngine}. Bars without model probabilities (feature or
 * history warm-up) only warm the engine's volatility window. In shadow mode every decision and guard runs
 * and is logged, and no order is sent. The engine's alerts reach the operator as {@link Alert}s.
 */
public final class EngineTrader implements Trader {
    private final Timeframe tf;
    private StrategyConfig config;
    private boolean shadow;
    private final CohortInputs cohorts;
    private String configId;
    private TradingEngine engine;
    private EventSink sink = (ts, type, data) -> { };
    private ExposureBudget budget;
    private int budgetIndex;
    /** Live cohort rows (the collector's newest), read at each bar; null: the fixed {@link #cohorts}. */
    private java.util.function.Supplier<msb.data.CohortSignals> liveCohorts;

    public EngineTrader(Timeframe tf, StrategyConfig config, boolean shadow) {
        this(tf, config, shadow, CohortInputs.NONE);
    }

    /**
     * @param cohorts stored cohort data for a replay ({@link CohortInputs#NONE} live or when none is stored): each
     *                bar gets the latest values at or before its close, through the same code as evaluate's replay
     */
    public EngineTrader(Timeframe tf, StrategyConfig config, boolean shadow, CohortInputs cohorts) {
        this.tf = tf;
        this.config = config;
        this.shadow = shadow;
        this.cohorts = cohorts;
        this.configId = configIdOf(config, cohorts, false);
        this.engine = new TradingEngine(tf, config, this::forward);
    }

    public TradingEngine engine() { return engine; }

    /** Shares {@code budget} with the other timeframes of the process, as its book {@code index}. */
    public void shareExposure(ExposureBudget budget, int index) {
        this.budget = budget;
        this.budgetIndex = index;
        reportExposure();
    }

    /**
     * Reads the decision's cohort inputs from {@code rows} at each bar (the rows a live collector has written
     * by the time the bar is processed: the bar's own, or the one before while it is still being collected).
     * Only for a trader built without stored cohort data; the config id then says so, not which rows.
     */
    public EngineTrader withLiveCohorts(java.util.function.Supplier<msb.data.CohortSignals> rows) {
        if (cohorts.present()) throw new IllegalStateException("stored and live cohort data are exclusive");
        this.liveCohorts = rows;
        this.configId = configIdOf(config, cohorts, true);
        return this;
    }

    private static String configIdOf(StrategyConfig config, CohortInputs cohorts, boolean live) {
        String id = msb.core.Hashing.sha256(config.toJson());
        if (cohorts.present()) id = msb.core.Hashing.sha256(id + "\ncohorts " + cohorts.fingerprint());
        return live ? msb.core.Hashing.sha256(id + "\nlive cohorts") : id;
    }

    /**
     * A retrained artifact swapped in: the engine goes on from its exact state (book, bandit, guards) with the
     * new artifact's signal; the config id follows, as a restart with that artifact computes it.
     */
    @Override
    public void swapModel(msb.signal.SignalSpec signal, boolean shadowMode) {
        EngineState state = engine.snapshot();
        config = config.withSignal(signal);
        shadow = shadowMode;
        configId = configIdOf(config, cohorts, liveCohorts != null);
        engine = TradingEngine.restore(tf, config, state, this::forward);
        reportExposure();
    }

    private void reportExposure() {
        if (budget == null) return;
        double close = engine.lastClose();
        budget.report(budgetIndex, Double.isNaN(close) ? 0 : engine.positionQty() * close, engine.equityUsd());
    }

    @Override
    public void onBar(LiveBar in, EventSink events) {
        sink = events;
        if (in.probs() == null) {
            if (engine.barsProcessed() == 0) engine.observe(in.bar());
            return;
        }
        MarketContext m = in.market();
        if (budget != null) engine.capExposureUsd(budget.capUsd(budgetIndex, in.bar().tsClose()));
        CohortInputs inputs = liveCohorts == null ? cohorts : CohortInputs.of(liveCohorts.get(), tf);
        engine.onBar(inputs.apply(new BarContext(in.bar(), in.probs(), in.bmaProbs(), Double.NaN, Double.NaN, 0.0,
                m.fundingPerHour(), m.spreadBps(), in.receivedAtSec(), m.midPrice(), !shadow)));
        reportExposure();
    }

    private void forward(EngineEvent e) {
        switch (e) {
            case EngineEvent.Decision d -> sink.emit(d.ts(), "decision", d);
            case EngineEvent.Order o -> sink.emit(o.ts(), "order", o);
            case Fill f -> sink.emit(f.ts(), "fill", f);
            case RoundTrip r -> sink.emit(r.exitTs(), "round_trip", r);
            case EngineEvent.GuardBlock g -> sink.emit(g.ts(), "guard_block", g);
            case EngineEvent.Reward r -> sink.emit(r.ts(), "reward", r);
            case EngineEvent.Alert a -> sink.emit(a.ts(), "alert", new Alert(a.ts(), a.kind(), a.message()));
        }
    }

    @Override public double equity() { return engine.equityUsd(); }

    @Override public double position() { return engine.positionQty(); }

    @Override public double realizedPnl() { return engine.realizedPnlUsd(); }

    @Override public DirectionCounts signals() { return engine.signals(); }

    @Override public DirectionCounts orders() { return engine.orders(); }

    @Override public msb.trading.FunnelCounts funnel() { return engine.funnel(); }

    @Override public List<Object> roundTrips() { return List.copyOf(engine.roundTrips()); }

    @Override
    public Map<String, DirectionCounts> blocked() {
        Map<String, DirectionCounts> out = new TreeMap<>();
        out.putAll(engine.blocked());
        return out;
    }

    @Override public boolean halted() { return engine.halted(); }

    @Override public void haltEntries(String reasonOrNull) { engine.haltEntries(reasonOrNull); }

    @Override
    public Map<String, Object> flips() {
        Map<String, Object> out = new TreeMap<>();
        if (config.gate().flipMood()) out.put("flip_mood", true);
        if (config.gate().flipModel()) out.put("flip_model", true);
        return out;
    }

    @Override
    public double banditEligibilityFrac() {
        return config.mode() == StrategyConfig.Mode.BANDIT ? engine.banditState().eligibilityFrac() : Double.NaN;
    }

    @Override
    public String moodSource() {
        return liveCohorts == null ? cohorts.describe() : "live cohort collector (" + CohortInputs.of(liveCohorts.get(), tf).describe() + ")";
    }

    /** sha256 of the strategy config as JSON, and of the stored cohort data when the replay reads it. */
    @Override public String configId() { return configId; }

    @Override public JsonNode snapshot() { return Json.mapper().valueToTree(engine.snapshot()); }

    /** EngineState is immutable (records, copied lists and arrays), so its JSON can be made on another thread. */
    @Override
    public Object snapshotValue() { return engine.snapshot(); }

    @Override
    public void restore(JsonNode snapshot) {
        try {
            engine = TradingEngine.restore(tf, config, Json.mapper().treeToValue(snapshot, EngineState.class), this::forward);
            reportExposure();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("engine snapshot in the state file is unreadable: " + e.getOriginalMessage(), e);
        }
    }


}
