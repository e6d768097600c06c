package msb.signal;

import msb.core.Timeframe;

/**
 * The live threshold S_MIN on s_model per timeframe, defined once: the training gates read it here and the
 * trading package's {@code StrategyConfig.liveSMin} delegates to it.
 */
public final class SignalThresholds {
    private SignalThresholds() {}

    /**
     * 0.08 on 5m, 0.10 on 1h, 12h and 24h; any other timeframe takes the value of its nearest standard
     * timeframe in log time ({@link Timeframe#nearestStandard}): 15m -> 5m (0.08), 30m and 2h -> 1h, 4h -> 12h.
     */
    public static double sMin(Timeframe tf) {
        return tf.nearestStandard() == Timeframe.M5 ? 0.08 : 0.10;
    }
}
