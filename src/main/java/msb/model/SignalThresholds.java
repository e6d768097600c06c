package msb.model;

import msb.core.Timeframe;

/**
 * The live threshold S_MIN on s_model per timeframe, the one place the training gates read it from.
 * The decision config of the trading package carries the same default; keep them equal.
 */
public final class SignalThresholds {
    private SignalThresholds() {}

    public static double sMin(Timeframe tf) {
        return switch (tf) {
            case M5, H1, H12, H24 -> 0.10;
        };
    }
}
