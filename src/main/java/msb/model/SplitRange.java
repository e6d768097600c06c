package msb.model;

/** Row count and bar-close range (unix seconds UTC) of a dataset split; 0/0 when the split is empty. */
public record SplitRange(int rows, long firstTs, long lastTs) {
    public SplitRange {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0");
        if (rows > 0 && lastTs < firstTs) throw new IllegalArgumentException("split range ends before it starts");
    }

    /** Whether a bar closing at {@code ts} lies inside this split's range. */
    public boolean contains(long ts) { return rows > 0 && ts >= firstTs && ts <= lastTs; }
}
