package msb.trading;

/** A count per direction: buys and sells (signals, orders, or what a gate blocked). */
public record DirCounts(long buy, long sell) {
    public static final DirCounts ZERO = new DirCounts(0, 0);

    public DirCounts {
        if (buy < 0 || sell < 0) throw new IllegalArgumentException("counts must be >= 0: buy=" + buy + " sell=" + sell);
    }

    public DirCounts plus(Side side) {
        return side == Side.BUY ? new DirCounts(buy + 1, sell) : new DirCounts(buy, sell + 1);
    }

    public long total() { return buy + sell; }
}
