package msb.live;

import msb.core.UserInputException;

/**
 * Replay pacing: {@code max} (no waiting), {@code realtime} (one bar per bar interval) or {@code <N>x}
 * (N times faster than real time). {@code factor} is 0 for max.
 */
public record Speed(double factor) {
    public static final Speed MAX = new Speed(0);

    public Speed {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed factor must be finite and >= 0, got " + factor);
        }
    }

    public boolean isMax() { return factor == 0; }

    /** Wall milliseconds to wait between two bars {@code intervalSec} apart. */
    public long waitMs(long intervalSec) { return isMax() ? 0 : Math.round(intervalSec * 1000.0 / factor); }

    public static Speed parse(String text) {
        String t = text.trim().toLowerCase();
        if (t.equals("max")) return MAX;
        if (t.equals("realtime")) return new Speed(1);
        if (t.endsWith("x")) {
            try {
                double f = Double.parseDouble(t.substring(0, t.length() - 1));
                if (f > 0 && Double.isFinite(f)) return new Speed(f);
            } catch (NumberFormatException ignored) {
                // falls through to the usage message
            }
        }
        throw new UserInputException("--speed '" + text + "': use max, realtime or <N>x with N > 0 (e.g. 60x)");
    }

    @Override public String toString() {
        if (isMax()) return "max";
        return factor == 1 ? "realtime" : factor + "x";
    }
}
