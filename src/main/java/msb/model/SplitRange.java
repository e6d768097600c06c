package msb.model;

/** Row count and bar-close range (unix seconds UTC) of a dataset split; 0/0 when the split is empty. */
public record SplitRange(int rows, long firstTs, long lastTs) {
    public SplitRange {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0");
        if (rows > 0 && lastTs < firstTs) throw new IllegalArgumentException("split range ends before it starts");
    }

    /** Whether a bar closing at {@code ts} lies inside this split's range. */
    public boolean contains(long ts) { return rows > 0 && ts >= firstTs && ts <= lastTs; }

    /**
     * True when a bar closing at {@code ts} lies in the part of a split's data a model was fitted or calibrated on:
     * from the first TRAIN bar through the last VAL bar (the purged and embargo rows between them included).
     */
    static boolean seenInFitting(java.util.Map<String, SplitRange> splits, long ts) {
        SplitRange train = splits.get("train"), val = splits.get("val");
        long first = train != null && train.rows() > 0 ? train.firstTs() : Long.MAX_VALUE;
        long last = val != null && val.rows() > 0 ? val.lastTs() : train != null && train.rows() > 0 ? train.lastTs() : Long.MIN_VALUE;
        return ts >= first && ts <= last;
    }
}
