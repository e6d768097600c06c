package msb.evaluate;

/** A count per trade direction: buy (UP, long) and sell (DOWN, short). */
public record Sides(long buy, long sell) {
    public static final Sides ZERO = new Sides(0, 0);

    public Sides {
        if (buy < 0 || sell < 0) throw new IllegalArgumentException("counts must be >= 0: buy=" + buy + " sell=" + sell);
    }

    public long of(int dir) {
        return switch (dir) {
            case 1 -> buy;
            case -1 -> sell;
            default -> throw new IllegalArgumentException("direction must be -1 or 1, got " + dir);
        };
    }

    public Sides plus(int dir, long n) { return dir > 0 ? new Sides(buy + n, sell) : new Sides(buy, sell + n); }

    static String sideName(int dir) { return dir > 0 ? "BUY" : "SELL"; }
}
