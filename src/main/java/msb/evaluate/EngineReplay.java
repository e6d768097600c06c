package msb.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.decision.DecisionGate;
import msb.signal.DirectionCounts;
import msb.signal.Probs;
import msb.signal.SignalSpec;
import msb.trading.BarContext;
import msb.trading.CohortInputs;
import msb.trading.EngineEvent;
import msb.trading.Fill;
import msb.trading.RoundTrip;
import msb.trading.StrategyConfig;
import msb.trading.TradingEngine;

/**
 * The decision replay through {@link TradingEngine} with a live config: the same per-bar loop as run-live
 * (decision gate or bandit, exits, sizing, guards, paper fills at the next bar's open with fees, slippage
 * and funding). The bars before the first evaluated row warm up the engine's volatility window.
 */
public final class EngineReplay implements DecisionReplay {
    /** The gate's refusals (and the bandit's "no arm eligible"), counted among the model's signals. */
    private static final Set<String> GATE_REFUSALS = Set.of(DecisionGate.BELOW_MIN, DecisionGate.MODEL_ONLY_REJECTED,
            DecisionGate.NO_CONSENSUS, DecisionGate.LOW_CONF, TradingEngine.NO_ELIGIBLE_ARM);
    /** Order reasons that open or add exposure; every other order reason is an exit. */
    private static final Set<String> ENTRY_REASONS = Set.of("enter", "scale", "reverse");

    private final Timeframe tf;
    private final StrategyConfig cfg;
    private final Bars bars;
    private final int warmupBars;
    private final CohortInputs cohorts;

    /**
     * @param bars        the timeframe's bar series (must contain every evaluated row's bar)
     * @param warmupBars  bars before the first evaluated row fed to the engine as warm-up
     */
    public EngineReplay(Timeframe tf, StrategyConfig cfg, Bars bars, int warmupBars) {
        this(tf, cfg, bars, warmupBars, CohortInputs.NONE);
    }

    /**
     * @param cohorts the stored cohort data: each bar gets the latest values at or before its close (the same
     *                code as run-live's replay); {@link CohortInputs#NONE} leaves the rows' own mood (0 unless a
     *                test planted one) and no cohort arm signals
     */
    public EngineReplay(Timeframe tf, StrategyConfig cfg, Bars bars, int warmupBars, CohortInputs cohorts) {
        this.tf = tf;
        this.cfg = cfg;
        this.bars = bars;
        this.warmupBars = warmupBars;
        this.cohorts = cohorts;
    }

    /** Warm-up of the sizing's volatility window. */
    public static EngineReplay of(Timeframe tf, StrategyConfig cfg, Bars bars) {
        return new EngineReplay(tf, cfg, bars, cfg.sizing().volWindowBars());
    }

    /** The same replay acting on an artifact's signal (centred or raw). */
    public EngineReplay withSignal(SignalSpec s) { return new EngineReplay(tf, cfg.withSignal(s), bars, warmupBars, cohorts); }

    /** The same replay fed the stored cohort data. */
    public EngineReplay withCohorts(CohortInputs c) { return new EngineReplay(tf, cfg, bars, warmupBars, c); }

    @Override public double sMin() { return cfg.gate().sMin(); }

    @Override public double costPerSideFrac() { return (cfg.paper().feeBps() + cfg.paper().slippageBps()) / 1e4; }

    public StrategyConfig config() { return cfg; }

    @Override
    public ReplayResult replay(EvalRows rows, double[][] probs, double[][] bmaProbs) {
        int n = rows.size();
        int[] barIdx = new int[n];
        for (int k = 0; k < n; k++) {
            int i = Arrays.binarySearch(bars.ts(), rows.ts()[k]);
            if (i < 0) {
                throw new IllegalArgumentException("no " + tf.label() + " bar closes at " + rows.ts()[k]
                        + " (row " + rows.datasetRows()[k] + "); rebuild the dataset");
            }
            barIdx[k] = i;
        }
        Collector c = new Collector(n, tf.seconds());
        TradingEngine engine = new TradingEngine(tf, cfg, c);
        for (int i = Math.max(0, barIdx[0] - warmupBars); i < barIdx[0]; i++) engine.observe(bars.get(i));
        double sMin = sMin();
        for (int k = 0; k < n; k++) {
            Probs p = new Probs(probs[k][0], probs[k][1], probs[k][2]);
            double signal = cfg.signal().of(p.sModel());
            int wanted = DecisionGate.wantedDir(cfg.gate(), signal);
            c.signal = Math.abs(signal) >= sMin ? wanted : 0;
            c.close = rows.close()[k];
            Probs bma = bmaProbs == null ? null : new Probs(bmaProbs[k][0], bmaProbs[k][1], bmaProbs[k][2]);
            BarContext ctx = BarContext.replay(bars.get(barIdx[k]), p, bma);
            engine.onBar(cohorts.present() ? cohorts.apply(ctx) : ctx.withCohort(Double.NaN, Double.NaN, rows.mood()[k]));
        }
        double elig = cfg.mode() == StrategyConfig.Mode.BANDIT ? engine.banditState().eligibilityFrac() : Double.NaN;
        return c.result(cfg, n, sMin, Double.isNaN(elig) ? null : elig, moodSource(rows));
    }

    private String moodSource(EvalRows rows) {
        if (cohorts.present()) return cohorts.describe();
        for (double m : rows.mood()) if (m != 0) return "planted per row (no cohort data)";
        return Funnel.NO_MOOD;
    }

    /** Collects the engine's events into funnel counts and per-bar equity and position. */
    private static final class Collector implements java.util.function.Consumer<EngineEvent> {
        final double[] equity, positionFrac;
        final List<Double> roundTripPnl = new ArrayList<>();
        final Map<String, DirectionCounts> gateBlocked = new HashMap<>(), guardBlocked = new HashMap<>();
        DirectionCounts modelSignals = DirectionCounts.ZERO, decisions = DirectionCounts.ZERO, orders = DirectionCounts.ZERO, blocked = DirectionCounts.ZERO, held = DirectionCounts.ZERO;
        final List<String> barGuards = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        final long barSeconds;
        String lastFillReason;
        int bar, signal, barEntryOrders;
        double close;

        Collector(int n, long barSeconds) {
            this.barSeconds = barSeconds;
            equity = new double[n];
            positionFrac = new double[n];
        }

        @Override
        public void accept(EngineEvent e) {
            // The engine reports a bar's guard blocks and orders before its Decision: hold them until the
            // decision says which direction they belong to (a scale-down of a long is a SELL order of a BUY).
            switch (e) {
                case EngineEvent.GuardBlock g -> barGuards.add(g.gate());
                case EngineEvent.Order o -> { if (ENTRY_REASONS.contains(o.reason())) barEntryOrders++; }
                case Fill fl -> lastFillReason = fl.reason();
                case RoundTrip rt -> {
                    roundTripPnl.add(rt.pnlUsd());
                    trades.add(Trade.of(rt, barSeconds, lastFillReason));
                }
                case EngineEvent.Decision d -> {
                    if (signal != 0) {
                        modelSignals = modelSignals.plus(signal, 1);
                        if (d.dir() == 0 && GATE_REFUSALS.contains(d.mode())) {
                            gateBlocked.merge(d.mode(), DirectionCounts.ZERO.plus(signal, 1), (a, b) -> a.plus(signal, 1));
                        }
                    }
                    int dir = d.dir();
                    if (dir != 0) {
                        // one outcome per decision (msb.trading.FunnelCounts): ordered, else blocked, else held
                        decisions = decisions.plus(dir, 1);
                        for (String g : new java.util.TreeSet<>(barGuards)) guardBlocked.merge(g, DirectionCounts.ZERO.plus(dir, 1), (a, b) -> a.plus(dir, 1));
                        if (barEntryOrders > 0) orders = orders.plus(dir, 1);
                        else if (!barGuards.isEmpty()) blocked = blocked.plus(dir, 1);
                        else held = held.plus(dir, 1);
                    }
                    barGuards.clear();
                    barEntryOrders = 0;
                    equity[bar] = d.equityUsd();
                    positionFrac[bar] = d.equityUsd() > 0 ? d.positionQty() * close / d.equityUsd() : 0;
                    bar++;
                }
                default -> { }
            }
        }

        ReplayResult result(StrategyConfig cfg, int n, double sMin, Double eligibilityFrac, String mood) {
            double start = cfg.paper().initialEquityUsd();
            double[] eq = new double[n], r = new double[n];
            double prev = start;
            for (int k = 0; k < n; k++) {
                eq[k] = equity[k] / start;
                r[k] = equity[k] / prev - 1;
                prev = equity[k];
            }
            Funnel f = new Funnel(cfg.mode().label(), sMin, n, modelSignals, gateBlocked, decisions, guardBlocked,
                    orders, roundTripPnl.size(), eligibilityFrac, mood, blocked, held);
            return new ReplayResult(f, r, positionFrac, roundTripPnl.stream().mapToDouble(Double::doubleValue).toArray(), eq, trades);
        }
    }
}
