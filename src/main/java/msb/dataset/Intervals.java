package msb.dataset;

/** Human names of bar intervals for messages: 300 -> 5m, 14400 -> 4h, 86400 -> 24h. */
final class Intervals {
    private Intervals() {}

    static String label(long sec) {
        if (sec % 86_400 == 0 && sec >= 86_400) return (sec / 3_600) + "h";
        if (sec % 3_600 == 0) return (sec / 3_600) + "h";
        if (sec % 60 == 0) return (sec / 60) + "m";
        return sec + "s";
    }
}
