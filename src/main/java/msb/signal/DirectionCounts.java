package msb.signal;

/**
 * A count per trade direction, defined once: buys (UP, toward long) and sells (DOWN, toward short). Signals,
 * decisions, orders and what each gate or guard blocked are all counted with it, in the engine, the live
 * runner's status and evaluate's funnel alike.
 */
public record DirectionCounts(long buy, long sell) {
    public static final DirectionCounts ZERO = new DirectionCounts(0, 0);

    public DirectionCounts {
        if (buy < 0 || sell < 0) throw new IllegalArgumentException("counts must be >= 0: buy=" + buy + " sell=" + sell);
    }

    /** The count of direction 1 (buy) or -1 (sell). */
    public long of(int dir) {
        return switch (dir) {
            case 1 -> buy;
            case -1 -> sell;
            default -> throw new IllegalArgumentException("direction must be -1 or 1, got " + dir);
        };
    }

    /** {@code n} more of direction 1 (buy) or -1 (sell). */
    public DirectionCounts plus(int dir, long n) {
        if (dir == 0) throw new IllegalArgumentException("direction must be -1 or 1, got 0");
        return dir > 0 ? new DirectionCounts(buy + n, sell) : new DirectionCounts(buy, sell + n);
    }

    public long total() { return buy + sell; }

    /** BUY for 1, SELL for -1: how reports name a direction. */
    public static String sideName(int dir) { return dir > 0 ? "BUY" : "SELL"; }
}
