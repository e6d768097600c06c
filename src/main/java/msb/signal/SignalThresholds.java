package msb.signal;

import msb.core.Timeframe;

/**
 * The live threshold S_MIN on s_model per timeframe, defined once: the training gates read it here and the
 * trading package's {@code StrategyConfig.liveSMin} delegates to it.
 */
public final class SignalThresholds {
    private SignalThresholds() {}

    public static double sMin(Timeframe tf) {
        return switch (tf) {
            case M5 -> 0.08;
            case H1, H12, H24 -> 0.10;
        };
    }
}
