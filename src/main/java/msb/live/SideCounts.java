package msb.live;

/** A count per trade direction: buys (toward long) and sells (toward short). */
public record SideCounts(long buy, long sell) {
    public static final SideCounts ZERO = new SideCounts(0, 0);

    public SideCounts {
        if (buy < 0 || sell < 0) throw new IllegalArgumentException("counts must be >= 0: buy=" + buy + " sell=" + sell);
    }

    public long total() { return buy + sell; }
}
