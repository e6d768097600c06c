package msb.signal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the decision logic acts on. {@code centred} (the default): s_model minus the reference drift frozen in
 * the artifact, so that a calibrated model's mean (the calibration period's UP share minus its DOWN share, i.e.
 * the market's drift) does not decide the direction. {@code raw}: s_model itself, as the seed did; with a
 * drifting market it buys on most bars whatever the model knows.
 */
public enum SignalMode {
    CENTRED, RAW;

    @JsonValue
    public String label() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static SignalMode parse(String s) {
        for (SignalMode m : values()) if (m.label().equals(s)) return m;
        throw new IllegalArgumentException("signal must be centred or raw, got '" + s + "'");
    }
}
