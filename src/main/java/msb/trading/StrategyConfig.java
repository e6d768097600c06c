package msb.trading;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import msb.core.ConfigMapper;
import msb.core.Json;
import msb.core.Timeframe;
import msb.decision.BanditConfig;
import msb.decision.GateConfig;
import msb.signal.SignalSpec;
import msb.signal.SignalThresholds;

/**
 * Every setting of the strategy: decision mode and thresholds, exits, sizing, guards, paper costs, alerts, and
 * the signal the decision acts on ({@link #withSignal}: set from the artifact; RAW without one).
 * {@link #defaults(Timeframe)} gives the per-timeframe defaults; {@link #load} overlays a JSON or YAML file
 * on them (any subset of fields; an unknown field is an error naming it).
 */
public record StrategyConfig(Mode mode, GateConfig gate, BanditConfig bandit, ExitConfig exits, SizingConfig sizing,
                             GuardConfig guards, PaperConfig paper, AlertConfig alerts, SignalSpec signal) {

    /** Decision mode: the deterministic gate, or the Thompson bandit over arms. */
    public enum Mode {
        GATE, BANDIT;

        @JsonValue
        public String label() { return name().toLowerCase(); }
    }

    public StrategyConfig {
        if (mode == null || gate == null || bandit == null || exits == null || sizing == null || guards == null
                || paper == null || alerts == null) {
            throw new IllegalArgumentException("every section of the strategy config is required");
        }
        if (signal == null) signal = SignalSpec.RAW;
    }

    /**
     * The live S_MIN of a timeframe: the |s_model| a model needs before the decision logic acts. The
     * directional-balance gate and evaluate's predicted shares use the same value: it is defined once, in
     * {@link SignalThresholds} (model sits below trading).
     */
    public static double liveSMin(Timeframe tf) { return SignalThresholds.sMin(tf); }

    public static StrategyConfig defaults(Timeframe tf) {
        double sMin = liveSMin(tf);
        // Per-bar scales: a typical absolute BTC move per bar, used for the bandit prior and exits. A
        // timeframe other than the standard four takes its nearest standard one's settings, the move scaled
        // by sqrt(time) (rounded to 5 bps) and the holding limit kept at the same wall-clock time.
        Timeframe std = tf.nearestStandard();
        double stdMoveBps = std == Timeframe.M5 ? 15 : std == Timeframe.H1 ? 50 : std == Timeframe.H12 ? 180 : 250;
        int stdMaxHoldingBars = std == Timeframe.M5 ? 48 : std == Timeframe.H1 ? 24 : std == Timeframe.H12 ? 14 : 10;
        int cooldownBars = std == Timeframe.M5 ? 3 : std == Timeframe.H1 ? 1 : 0;
        double scale = (double) tf.seconds() / std.seconds();
        double typicalMoveBps = std == tf ? stdMoveBps : Math.max(5, 5 * Math.round(stdMoveBps * Math.sqrt(scale) / 5));
        int maxHoldingBars = std == tf ? stdMaxHoldingBars : (int) Math.max(2, Math.round(stdMaxHoldingBars / scale));
        double dailyLossStopFrac = std == Timeframe.M5 || std == Timeframe.H1 ? 0.05 : 0.10;
        return new StrategyConfig(
                Mode.GATE,
                new GateConfig(sMin, 0.10, 0.05, 0.10, false, false, true, false),
                new BanditConfig(0.30, 0.55, sMin, 0.05, 1.0, typicalMoveBps, 42L),
                new ExitConfig(maxHoldingBars, 4 * typicalMoveBps, 8 * typicalMoveBps, 0.10, false),
                new SizingConfig(10_000, 1.0, 0.50, 0.10, 50),
                new GuardConfig(10.0, 1.0, 0.05, cooldownBars, dailyLossStopFrac, 2, 2),
                new PaperConfig(10_000, 4.5, 1.0, 0.0, 10.0),
                new AlertConfig(50, 200, 0.20),
                SignalSpec.RAW);
    }

    /**
     * Loads a JSON (.json) or YAML (any other name) file over the timeframe's defaults (msb.core.ConfigMapper:
     * any subset of fields; an unknown one, a wrong type or a refused value names the file, line and field).
     */
    public static StrategyConfig load(Path file, Timeframe tf) {
        var src = ConfigMapper.Source.of(file, ConfigMapper.read(file, "the strategy config", "check the --config path"));
        return ConfigMapper.overlay(src, "", defaults(tf), ConfigMapper.tree(src), StrategyConfig.class);
    }

    /**
     * The same strategy acting on an artifact's signal (centred by its frozen reference drift, or raw). The
     * signal comes from the artifact, never from a config file: its verdicts were judged on that signal.
     */
    public StrategyConfig withSignal(SignalSpec s) {
        return new StrategyConfig(mode, gate, bandit, exits, sizing, guards, paper, alerts, s);
    }

    /** The config as pretty JSON (what the runner records next to its state). */
    public String toJson() { return Json.pretty(this); }

    // built by name: a default (or a fixture) with the fields that differ, not positional arguments
    public StrategyConfig withMode(Mode v) { return new StrategyConfig(v, gate, bandit, exits, sizing, guards, paper, alerts, signal); }

    public StrategyConfig withGate(GateConfig v) { return new StrategyConfig(mode, v, bandit, exits, sizing, guards, paper, alerts, signal); }

    public StrategyConfig withBandit(BanditConfig v) { return new StrategyConfig(mode, gate, v, exits, sizing, guards, paper, alerts, signal); }

    public StrategyConfig withExits(ExitConfig v) { return new StrategyConfig(mode, gate, bandit, v, sizing, guards, paper, alerts, signal); }

    public StrategyConfig withSizing(SizingConfig v) { return new StrategyConfig(mode, gate, bandit, exits, v, guards, paper, alerts, signal); }

    public StrategyConfig withGuards(GuardConfig v) { return new StrategyConfig(mode, gate, bandit, exits, sizing, v, paper, alerts, signal); }

    public StrategyConfig withPaper(PaperConfig v) { return new StrategyConfig(mode, gate, bandit, exits, sizing, guards, v, alerts, signal); }

    public StrategyConfig withAlerts(AlertConfig v) { return new StrategyConfig(mode, gate, bandit, exits, sizing, guards, paper, v, signal); }
}
