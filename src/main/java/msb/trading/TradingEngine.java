package msb.trading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.decision.ArmSignals;
import msb.decision.BanditChoice;
import msb.decision.BanditState;
import msb.decision.DecisionGate;
import msb.decision.GateDecision;
import msb.decision.ThompsonBandit;
import msb.signal.DirectionCounts;

/**
 * The per-closed-bar strategy loop, the same for evaluate's replay and the live runner (only the feed and
 * the fill price differ). On each bar: fill last bar's orders at this bar's open, accrue funding, mark to
 * the close, reward the bandit arm, check the daily stop, decide (gate or bandit), check exits, size, run
 * the guards, send orders. Everything it does goes to the listener as {@link EngineEvent}s and into
 * counters; {@link #snapshot()} / {@link #restore} round-trip its whole state.
 */
public final class TradingEngine {
    /** The gate's own refusals, counted per wanted direction in {@link #blocked()}. */
    static final Set<String> GATE_REFUSALS = Set.of(DecisionGate.BELOW_MIN, DecisionGate.MODEL_ONLY_REJECTED,
            DecisionGate.NO_CONSENSUS, DecisionGate.LOW_CONF);
    public static final String NO_ELIGIBLE_ARM = "no_eligible_arm";
    /** Whether a name in {@link #blocked()} is a decision rule's refusal of a model signal (not a guard). */
    public static boolean gateRefusal(String name) { return GATE_REFUSALS.contains(name) || NO_ELIGIBLE_ARM.equals(name); }

    /** Mode of a bar without model probabilities: nothing is decided, exits and the daily stop still run. */
    public static final String NO_SIGNAL = "no_signal";
    /** The guard name of a blocked order that would take the books of several timeframes over their joint limit. */
    public static final String TOTAL_EXPOSURE = "max_total_exposure_frac";
    /** The guard name of an order refused while the live runner halts new orders for feature drift. */
    public static final String DRIFT_HALT = "drift_halt";

    private final Timeframe tf;
    private final StrategyConfig cfg;
    private final Consumer<EngineEvent> listener;
    private final ThompsonBandit bandit;
    private final PaperBook book;
    private final VolWindow vol;
    private final Guards guards;

    private long barsProcessed;
    private long lastBarTs = -1;
    private double lastClose = Double.NaN;
    private BanditState banditState = BanditState.EMPTY;
    private final List<EngineState.PendingOrder> pending = new ArrayList<>();
    private DirectionCounts signals = DirectionCounts.ZERO;
    private DirectionCounts orders = DirectionCounts.ZERO;
    private final TreeMap<String, DirectionCounts> blocked = new TreeMap<>();
    private FunnelCounts funnel = FunnelCounts.ZERO;
    private final List<RoundTrip> roundTrips = new ArrayList<>();
    private long dayIndex = Long.MIN_VALUE;
    private double dayStartEquityUsd;
    private boolean halted;
    private long lastFillTs = -1;
    private final IntRing recentDirs;
    private boolean oneSidedAlerted;
    private final IntRing recentEligible;
    private boolean lowEligibilityAlerted;
    private EngineState.PendingReward pendingReward;
    /** Set by a runner sharing an exposure limit with other books before each bar; not part of the snapshot. */
    private double exposureCapUsd = Double.POSITIVE_INFINITY;
    /** Set by a runner before each bar while it halts new orders (drift); not part of the snapshot. */
    private String entryHaltReason;

    public TradingEngine(Timeframe tf, StrategyConfig cfg, Consumer<EngineEvent> listener) {
        this.tf = tf;
        this.cfg = cfg;
        this.listener = listener == null ? e -> { } : listener;
        this.bandit = new ThompsonBandit(cfg.bandit(), cfg.gate().sMin(), cfg.gate().alphaMin());
        this.book = new PaperBook(cfg.paper());
        this.vol = new VolWindow(cfg.sizing().volWindowBars());
        this.guards = new Guards(tf, cfg);
        this.dayStartEquityUsd = cfg.paper().initialEquityUsd();
        this.recentDirs = new IntRing(cfg.alerts().oneSidedWindowDecisions());
        this.recentEligible = new IntRing(cfg.alerts().eligibilityWindowBars());
    }

    private TradingEngine(Timeframe tf, StrategyConfig cfg, Consumer<EngineEvent> listener, EngineState s) {
        this.tf = tf;
        this.cfg = cfg;
        this.listener = listener == null ? e -> { } : listener;
        this.bandit = new ThompsonBandit(cfg.bandit(), cfg.gate().sMin(), cfg.gate().alphaMin());
        this.book = PaperBook.restore(cfg.paper(), s.book());
        this.vol = VolWindow.restore(cfg.sizing().volWindowBars(), s.closes());
        this.guards = new Guards(tf, cfg);
        this.barsProcessed = s.barsProcessed();
        this.lastBarTs = s.lastBarTs();
        this.lastClose = s.lastClose();
        this.banditState = s.bandit();
        this.pending.addAll(s.pending());
        this.signals = s.signals();
        this.orders = s.orders();
        this.blocked.putAll(s.blocked());
        this.funnel = s.funnel() == null ? FunnelCounts.ZERO : s.funnel();
        this.roundTrips.addAll(s.roundTrips());
        this.dayIndex = s.dayIndex();
        this.dayStartEquityUsd = s.dayStartEquityUsd();
        this.halted = s.halted();
        this.lastFillTs = s.lastFillTs();
        this.recentDirs = IntRing.restore(cfg.alerts().oneSidedWindowDecisions(), s.recentDirs());
        this.oneSidedAlerted = s.oneSidedAlerted();
        int[] elig = new int[s.recentEligible().length];
        for (int i = 0; i < elig.length; i++) elig[i] = s.recentEligible()[i] ? 1 : 0;
        this.recentEligible = IntRing.restore(cfg.alerts().eligibilityWindowBars(), elig);
        this.lowEligibilityAlerted = s.lowEligibilityAlerted();
        this.pendingReward = s.pendingReward();
    }

    /** Rebuilds an engine from a snapshot taken with the same timeframe and config. */
    public static TradingEngine restore(Timeframe tf, StrategyConfig cfg, EngineState state,
                                        Consumer<EngineEvent> listener) {
        return new TradingEngine(tf, cfg, listener, state);
    }

    public EngineState snapshot() {
        int[] elig = recentEligible.oldestFirst();
        boolean[] eligible = new boolean[elig.length];
        for (int i = 0; i < elig.length; i++) eligible[i] = elig[i] != 0;
        return new EngineState(barsProcessed, lastBarTs, lastClose, book.state(), banditState, vol.oldestFirst(),
                List.copyOf(pending), signals, orders, Collections.unmodifiableMap(new TreeMap<>(blocked)), List.copyOf(roundTrips), dayIndex,
                dayStartEquityUsd, halted, lastFillTs, recentDirs.oldestFirst(), oneSidedAlerted, eligible,
                lowEligibilityAlerted, pendingReward, funnel);
    }

    /**
     * Feeds a bar that precedes the bars to trade (warm-up of the volatility window): no fill, no decision,
     * no counter. Only allowed before any traded bar.
     */
    public void observe(Bar bar) {
        if (barsProcessed > 0) throw new IllegalStateException("observe() is for warm-up before the first traded bar");
        checkOrder(bar.tsClose());
        vol.add(bar.close());
        lastClose = bar.close();
        lastBarTs = bar.tsClose();
    }

    /** Processes one closed bar. Bars must come in strictly increasing close time. */
    public void onBar(BarContext ctx) {
        Bar bar = ctx.bar();
        long ts = bar.tsClose();
        checkOrder(ts);
        long day = Math.floorDiv(ts - tf.seconds(), 86_400L);
        if (day != dayIndex) {
            // 00:00 UTC: the day's reference is the equity at the last close (the start of this day).
            dayIndex = day;
            dayStartEquityUsd = book.equityUsd(Double.isNaN(lastClose) ? bar.open() : lastClose);
            halted = false;
        }
        for (EngineState.PendingOrder o : pending) execute(o, bar.open());
        pending.clear();
        double funding = Double.isFinite(ctx.fundingPerHour()) ? ctx.fundingPerHour() : 0.0;
        book.accrueFunding(funding, tf.seconds() / 3600.0, bar.close());
        vol.add(bar.close());
        lastClose = bar.close();
        double equity = book.equityUsd(bar.close());
        rewardArm(ts, equity, bar.open());

        boolean stopNow = false;
        if (!halted && dayStartEquityUsd - equity >= cfg.guards().dailyLossStopFrac() * dayStartEquityUsd) {
            halted = true;
            stopNow = true;
            emit(new EngineEvent.Alert(ts, "daily_stop", String.format(
                    "equity %.2f is %.2f%% below the day's start %.2f; flattening and halting until 00:00 UTC",
                    equity, 100 * (dayStartEquityUsd - equity) / dayStartEquityUsd, dayStartEquityUsd)));
        }

        Choice d = decide(ctx, ts);
        if (d.dir != 0) signals = signals.plus(d.dir, 1);
        int wanted = modelSignal(ctx);
        if (wanted != 0) {
            funnel = funnel.signal(Side.ofDir(wanted));
            if (d.dir == 0) funnel = funnel.refused(Side.ofDir(wanted));
        }
        noteDirection(ts, d.dir);

        int pos = (int) Math.signum(book.positionQty());
        String exitReason = stopNow ? (pos != 0 ? "daily_stop" : null) : halted || pos == 0 ? null : exitReason(ts, pos, d);
        Plan plan = new Plan(book.positionQty());
        String action = "hold";
        if (exitReason != null) {
            flatten(ts, exitReason, plan, ctx);
            action = exitReason;
        }
        boolean wantsEntry = d.dir != 0 && (exitReason == null ? pos == 0 || pos == d.dir : exitReason.equals("exit_reverse"));
        double targetUsd = Double.NaN;
        String blockedBy = null;
        if (wantsEntry) {
            action = exitReason != null ? "reverse" : pos == 0 ? "enter" : "scale";
            targetUsd = targetNotionalUsd(d.dir, d.alpha);
            int before = plan.ordersThisBar;
            blockedBy = tryOrder(ts, ctx, d, targetUsd, plan, action);
            Side side = Side.ofDir(d.dir);
            if (plan.ordersThisBar > before) funnel = funnel.ordered(side);
            else if (blockedBy != null && !action.equals("scale")) funnel = funnel.blocked(side);
            else funnel = funnel.held(side);
        } else if (d.dir != 0) {
            funnel = funnel.held(Side.ofDir(d.dir));
        }
        if (cfg.mode() == StrategyConfig.Mode.BANDIT && d.choice != null && d.choice.arm() != null) {
            pendingReward = new EngineState.PendingReward(d.choice.arm(), d.dir, equity);
        }
        emit(new EngineEvent.Decision(ts, d.dir, d.alpha, d.mode, d.choice == null ? null : d.choice.arm(), d.sModel,
                d.signal, ctx.mood(), blockedBy == null ? action : action + "_blocked_" + blockedBy, targetUsd,
                book.positionQty(), equity));
        barsProcessed++;
        lastBarTs = ts;
    }

    private void checkOrder(long ts) {
        if (lastBarTs >= 0 && ts <= lastBarTs) {
            throw new IllegalArgumentException("bar ts " + ts + " is not after the last processed bar " + lastBarTs);
        }
    }

    /** The decision of the configured mode, with the gate's refusals counted against the wanted direction. */
    private Choice decide(BarContext ctx, long ts) {
        if (ctx.meta() == null) return new Choice(0, 0.0, NO_SIGNAL, null, Double.NaN, Double.NaN);
        double sModel = ctx.meta().sModel();
        // The gate acts on the artifact's signal: s_model minus its frozen reference drift when centred.
        double signal = cfg.signal().of(sModel);
        if (cfg.mode() == StrategyConfig.Mode.GATE) {
            GateDecision g = DecisionGate.decide(cfg.gate(), ctx.mood(), signal);
            if (GATE_REFUSALS.contains(g.mode())) countBlock(g.mode(), modelSignal(ctx));
            return new Choice(g.dir(), g.alpha(), g.mode(), null, sModel, signal);
        }
        ArmSignals s = new ArmSignals(ctx.sTop(), ctx.sBot(), ctx.meta(), ctx.bma());
        BanditChoice c = bandit.choose(banditState, s, ts);
        boolean any = !c.eligible().isEmpty();
        banditState = banditState.countBar(any);
        noteEligibility(ts, any);
        if (!any) countBlock(NO_ELIGIBLE_ARM, modelSignal(ctx));
        return new Choice(c.dir(), c.dir() == 0 ? 0.0 : c.alpha(), c.mode(), c, sModel, signal);
    }

    /**
     * The direction the model signals on this bar (its flip flag applied) when |s_model| reaches S_MIN, else 0:
     * gate refusals are counted only against such signals, as evaluate counts them.
     */
    /** The direction the model signals on this bar: |signal| >= S_MIN, the signal centred as the artifact says. */
    private int modelSignal(BarContext ctx) {
        if (ctx.meta() == null) return 0;
        double s = cfg.signal().of(ctx.meta().sModel());
        return Math.abs(s) >= cfg.gate().sMin() ? DecisionGate.wantedDir(cfg.gate(), s) : 0;
    }

    private String exitReason(long ts, int pos, Choice d) {
        double close = lastClose;
        double moveBps = pos * (close - book.avgEntryPrice()) / book.avgEntryPrice() * 1e4;
        long heldBars = (ts - book.entryTs()) / tf.seconds();
        ExitConfig x = cfg.exits();
        if (x.stopLossBps() > 0 && moveBps <= -x.stopLossBps()) return "exit_stop_loss";
        if (x.takeProfitBps() > 0 && moveBps >= x.takeProfitBps()) return "exit_take_profit";
        if (x.maxHoldingBars() > 0 && heldBars >= x.maxHoldingBars()) return "exit_max_hold";
        if (d.dir == -pos && d.alpha >= x.reverseAlphaMin()) return "exit_reverse";
        return null;
    }

    /** dir x min(pos_max, alpha x sigma_target / realized_vol) x base notional; NaN during vol warm-up. */
    double targetNotionalUsd(int dir, double alpha) {
        SizingConfig s = cfg.sizing();
        double perBar = vol.perBarStd();
        if (Double.isNaN(perBar)) return Double.NaN;
        double volAnnual = Math.max(s.volFloorAnnual(), perBar * Math.sqrt(tf.barsPerYear()));
        return dir * Math.min(s.posMaxFrac(), alpha * s.sigmaTargetAnnual() / volAnnual) * s.baseNotionalUsd();
    }

    /** Flattening is never blocked by a guard (only shadow mode sends nothing). */
    private void flatten(long ts, String reason, Plan plan, BarContext ctx) {
        double qty = plan.qty;
        if (qty == 0) return;
        Side side = Side.of(-qty);
        if (!ctx.ordersAllowed()) {
            countBlock("shadow", side);
            emit(new EngineEvent.GuardBlock(ts, "shadow", side, "shadow mode: " + reason + " not sent"));
            return;
        }
        submit(new EngineState.PendingOrder(ts, -qty, true, reason), side, Math.abs(qty), plan, ctx);
    }

    /** Runs the guards on the order toward targetUsd; returns the blocking guard's name, or null. */
    private String tryOrder(long ts, BarContext ctx, Choice d, double targetUsd, Plan plan, String reason) {
        double close = lastClose;
        double targetQty = Double.isNaN(targetUsd) ? Double.NaN : targetUsd / close;
        double delta = Double.isNaN(targetQty) ? d.dir : targetQty - plan.qty;
        if (delta == 0) return null;
        Side side = Side.of(delta);
        Guards.Input in = new Guards.Input(ts, ctx.receivedAtSec(), halted, targetQty, plan.qty, close,
                ctx.spreadBps(), ctx.fundingPerHour(), lastFillTs, vol.perBarStd(), d.signal, plan.ordersThisBar);
        Guards.Verdict v = guards.check(in);
        if (v == null && Math.abs(targetQty) * close > exposureCapUsd && Math.abs(targetQty) > Math.abs(plan.qty)) {
            v = new Guards.Verdict(TOTAL_EXPOSURE, String.format(java.util.Locale.ROOT,
                    "target %.2f USD is above the %.2f USD left under max_total_exposure_frac", Math.abs(targetQty) * close,
                    exposureCapUsd));
        }
        // The drift halt refuses entries, scale-ups and the new side of a reversal; a reduction still goes out.
        if (v == null && entryHaltReason != null && (Double.isNaN(targetQty) || Math.abs(targetQty) > Math.abs(plan.qty)
                || targetQty * plan.qty < 0)) {
            v = new Guards.Verdict(DRIFT_HALT, entryHaltReason);
        }
        if (v == null && !ctx.ordersAllowed()) v = new Guards.Verdict("shadow", "shadow mode: " + reason + " not sent");
        if (v != null) {
            // A refused re-size of a position already held in the decided direction is a hold, not a blocked
            // direction: the Decision event records it, the funnel does not count it.
            if (!reason.equals("scale")) {
                countBlock(v.guard(), side);
                emit(new EngineEvent.GuardBlock(ts, v.guard(), side, v.detail()));
            }
            return v.guard();
        }
        submit(new EngineState.PendingOrder(ts, delta, false, reason), side, Math.abs(delta), plan, ctx);
        return null;
    }

    private void submit(EngineState.PendingOrder o, Side side, double qty, Plan plan, BarContext ctx) {
        orders = orders.plus(side.dir(), 1);
        plan.ordersThisBar++;
        plan.qty = o.flatten() ? 0 : plan.qty + o.qtyDelta();
        emit(new EngineEvent.Order(o.ts(), side, qty, o.reason()));
        if (Double.isNaN(ctx.liveMidPrice())) {
            pending.add(o);
        } else {
            execute(o, ctx.liveMidPrice());
        }
    }

    private void execute(EngineState.PendingOrder o, double refPrice) {
        double delta = o.flatten() ? -book.positionQty() : o.qtyDelta();
        if (delta == 0) return;
        Broker.Execution x = book.execute(delta, refPrice, o.ts(), o.reason());
        lastFillTs = o.ts();
        emit(x.fill());
        if (x.closed() != null) {
            roundTrips.add(x.closed());
            emit(x.closed());
        }
    }

    /**
     * Reward = net PnL over the bar after the arm's decision (fill costs, price move, funding), in bps of the
     * position's notional at that bar's open.
     */
    private void rewardArm(long ts, double equity, double open) {
        EngineState.PendingReward r = pendingReward;
        pendingReward = null;
        if (r == null) return;
        double qty = book.positionQty();
        if (qty == 0 || (int) Math.signum(qty) != r.dir()) return;
        double rewardBps = (equity - r.equityRefUsd()) / (Math.abs(qty) * open) * 1e4;
        banditState = ThompsonBandit.reward(banditState, r.arm(), rewardBps);
        emit(new EngineEvent.Reward(ts, r.arm(), rewardBps));
    }

    private void noteDirection(long ts, int dir) {
        if (dir == 0) return;
        recentDirs.add(dir);
        if (!recentDirs.full()) return;
        boolean oneSided = recentDirs.allEqual();
        if (oneSided && !oneSidedAlerted) {
            emit(new EngineEvent.Alert(ts, "one_directional", "the last " + recentDirs.capacity()
                    + " decisions were all " + (dir > 0 ? "BUY" : "SELL") + "; check the model and the gates"));
        }
        oneSidedAlerted = oneSided;
    }

    private void noteEligibility(long ts, boolean any) {
        recentEligible.add(any ? 1 : 0);
        if (!recentEligible.full()) return;
        double frac = recentEligible.sum() / (double) recentEligible.capacity();
        boolean low = frac < cfg.alerts().lowEligibilityFrac();
        if (low && !lowEligibilityAlerted) {
            emit(new EngineEvent.Alert(ts, "low_eligibility", String.format(
                    "an arm was eligible on %.1f%% of the last %d bars (alert below %.1f%%)", 100 * frac,
                    recentEligible.capacity(), 100 * cfg.alerts().lowEligibilityFrac())));
        }
        lowEligibilityAlerted = low;
    }

    private void countBlock(String gate, int dir) {
        if (dir != 0) countBlock(gate, Side.ofDir(dir));
    }

    private void countBlock(String gate, Side side) {
        blocked.merge(gate, DirectionCounts.ZERO.plus(side.dir(), 1), (a, b) -> a.plus(side.dir(), 1));
    }

    private void emit(EngineEvent e) { listener.accept(e); }

    // ---- read side ----

    /**
     * The most notional (USD, absolute) this book may hold after an order that adds exposure; other books'
     * exposure is the caller's business. Infinite by default. Orders that reduce exposure are never capped.
     */
    public void capExposureUsd(double capUsd) {
        if (!(capUsd >= 0)) throw new IllegalArgumentException("exposure cap must be >= 0 USD, got " + capUsd);
        this.exposureCapUsd = capUsd;
    }

    /** The close of the last bar seen (NaN before the first). */
    public double lastClose() { return lastClose; }

    public Timeframe timeframe() { return tf; }
    public StrategyConfig config() { return cfg; }
    public long barsProcessed() { return barsProcessed; }
    /** Close time of the last bar processed (or observed); -1 before any. */
    public long lastBarTs() { return lastBarTs; }
    public double positionQty() { return book.positionQty(); }
    public double avgEntryPrice() { return book.avgEntryPrice(); }
    /** Equity marked at the last close (the initial equity before any bar). */
    public double equityUsd() { return Double.isNaN(lastClose) ? book.cashUsd() : book.equityUsd(lastClose); }
    public double realizedPnlUsd() { return book.realizedPnlUsd(); }
    public DirectionCounts signals() { return signals; }
    public DirectionCounts orders() { return orders; }
    /** The decision funnel (decisions = blocked + held + ordered per side). */
    public FunnelCounts funnel() { return funnel; }
    /** Gate refusals of model signals and guard blocks, per gate and direction, sorted by gate name. */
    public Map<String, DirectionCounts> blocked() { return Collections.unmodifiableMap(new TreeMap<>(blocked)); }
    public List<RoundTrip> roundTrips() { return List.copyOf(roundTrips); }
    public boolean halted() { return halted; }

    /** While not null, orders toward a decision are refused as {@link #DRIFT_HALT}; exits (flattening) still run. */
    public void haltEntries(String reasonOrNull) { this.entryHaltReason = reasonOrNull; }
    public BanditState banditState() { return banditState; }
    public List<EngineState.PendingOrder> pendingOrders() { return List.copyOf(pending); }

    private record Choice(int dir, double alpha, String mode, BanditChoice choice, double sModel, double signal) {}

    /** The position as it will be once this bar's orders fill, and how many orders this bar sent. */
    private static final class Plan {
        double qty;
        int ordersThisBar;

        Plan(double qty) { this.qty = qty; }
    }
}
