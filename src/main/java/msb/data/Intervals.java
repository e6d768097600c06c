package msb.data;

import msb.core.UserInputException;

/** Bar intervals as people write them ("5m", "4h", "1d", "300s") and back. */
public final class Intervals {
    private Intervals() {}

    /** Seconds of an interval such as 30s, 5m, 4h, 1d, 1w; throws a user error naming the option. */
    public static long parseSeconds(String text, String option) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.length() >= 2) {
            long unit = switch (t.charAt(t.length() - 1)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3_600;
                case 'd' -> 86_400;
                case 'w' -> 604_800;
                default -> 0;
            };
            String digits = t.substring(0, t.length() - 1);
            if (unit > 0 && digits.matches("[0-9]{1,6}")) {
                long v = Long.parseLong(digits) * unit;
                if (v > 0) return v;
            }
        }
        throw new UserInputException(option + " '" + text + "' is not an interval; write it like 5m, 1h, 4h or 1d");
    }

    /**
     * The label of an interval, the same as {@code Timeframe.label()} wherever both apply: 300 -> 5m, 14400 -> 4h,
     * 86400 -> 24h (one day is 24h everywhere in msb), 172800 -> 2d, 90 -> 90s.
     */
    public static String label(long seconds) {
        if (seconds == 86_400) return "24h";
        if (seconds % 86_400 == 0) return seconds / 86_400 + "d";
        if (seconds % 3_600 == 0) return seconds / 3_600 + "h";
        if (seconds % 60 == 0) return seconds / 60 + "m";
        return seconds + "s";
    }

    /** Unix seconds as {@code 2016-05-18T04:00:00Z}. */
    public static String iso(long unixSec) {
        return java.time.Instant.ofEpochSecond(unixSec).toString();
    }
}
