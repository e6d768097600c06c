package msb.trading;

import java.util.ArrayList;
import java.util.List;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.decision.BanditConfig;
import msb.decision.GateConfig;
import msb.signal.Probs;

/** Shared builders for the trading tests: 1h bars from a UTC midnight, deterministic configs. */
final class Fixture {
    static final Timeframe TF = Timeframe.H1;
    /** 2023-11-14 00:00:00 UTC. */
    static final long DAY0 = 1_699_920_000L;
    static final long H = 3_600L;

    private Fixture() {}

    static Probs probs(double sModel) { return new Probs((0.8 - sModel) / 2, 0.2, (0.8 + sModel) / 2); }

    static Bar bar(long ts, double open, double close) {
        return new Bar(ts, open, Math.max(open, close), Math.min(open, close), close, 1.0);
    }

    static BarContext ctx(long ts, double open, double close, double sModel) {
        return BarContext.replay(bar(ts, open, close), probs(sModel), null);
    }

    static GateConfig gate(boolean requireConsensus) {
        return StrategyConfig.defaults(TF).gate().withSMin(0.1).withMMin(0.1).withConfMin(0.0).withAlphaMin(0.1)
                .withFlipMood(false).withFlipModel(false).withAllowModelOnlyWhenMoodNeutral(true).withRequireConsensus(requireConsensus);
    }

    /** Sizing that makes target = alpha x 10,000 USD whatever the realized volatility (floor = target). */
    static SizingConfig flatSizing() { return new SizingConfig(10_000, 1.0, 100.0, 100.0, 3); }

    /** Guards that never bind here; a test sets by name ({@code withCooldownBars(3)}) the one it exercises. */
    static GuardConfig looseGuards() {
        return StrategyConfig.defaults(TF).guards().withMaxSpreadBps(1e9).withMaxFundingBpsPerHour(1e9).withMinPositionChangeFrac(0)
                .withCooldownBars(0).withDailyLossStopFrac(1.0).withMaxOrdersPerBar(10).withMaxBarAgeBars(1000);
    }

    static ExitConfig noExits() { return new ExitConfig(0, 0, 0, 0.0, false); }

    static PaperConfig noCosts() { return new PaperConfig(10_000, 0, 0, 0, 0); }

    static StrategyConfig cfg(GateConfig gate, ExitConfig exits, GuardConfig guards, PaperConfig paper) {
        return StrategyConfig.defaults(TF).withGate(gate).withExits(exits).withSizing(flatSizing()).withGuards(guards)
                .withPaper(paper).withAlerts(new AlertConfig(5, 20, 0.2));
    }

    static StrategyConfig bandit(StrategyConfig c, BanditConfig b) {
        return c.withMode(StrategyConfig.Mode.BANDIT).withBandit(b);
    }

    /** An engine warmed up with three flat bars at 100 ending at DAY0 (the vol window is ready). */
    static TradingEngine warmed(StrategyConfig c, List<EngineEvent> events) {
        TradingEngine e = new TradingEngine(TF, c, events::add);
        for (int i = 3; i >= 0; i--) e.observe(bar(DAY0 - i * H, 100, 100));
        return e;
    }

    static <T extends EngineEvent> List<T> of(List<EngineEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (EngineEvent e : events) if (type.isInstance(e)) out.add(type.cast(e));
        return out;
    }
}
