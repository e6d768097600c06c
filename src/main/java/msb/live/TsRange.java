package msb.live;

/** Bar close times from {@code fromTs} to {@code toTs} inclusive (unix seconds). */
public record TsRange(long fromTs, long toTs) {
    public TsRange {
        if (toTs < fromTs) throw new IllegalArgumentException("empty range " + fromTs + ".." + toTs);
    }

    public boolean contains(long ts) { return ts >= fromTs && ts <= toTs; }
}
