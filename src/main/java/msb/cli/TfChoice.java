package msb.cli;

import java.util.List;
import msb.core.Timeframe;

/** A {@code --tf} that also takes {@code all}; converted by the converter Main registers, like {@link Timeframe}. */
record TfChoice(Timeframe single) {
    static TfChoice parse(String text) {
        if (text.trim().equalsIgnoreCase("all")) return new TfChoice(null);
        try {
            return new TfChoice(Timeframe.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " or all");
        }
    }

    boolean all() { return single == null; }

    List<Timeframe> timeframes() { return all() ? List.of(Timeframe.values()) : List.of(single); }
}
