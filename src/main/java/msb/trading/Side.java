package msb.trading;

import com.fasterxml.jackson.annotation.JsonValue;

/** Order side. */
public enum Side {
    BUY, SELL;

    public static Side of(double qtyDelta) {
        if (!(qtyDelta != 0) || Double.isNaN(qtyDelta)) throw new IllegalArgumentException("no side for " + qtyDelta);
        return qtyDelta > 0 ? BUY : SELL;
    }

    /** 1 for BUY, -1 for SELL: the direction {@link msb.signal.DirectionCounts} counts by. */
    public int dir() { return this == BUY ? 1 : -1; }

    public static Side ofDir(int dir) {
        if (dir == 0) throw new IllegalArgumentException("no side for direction 0");
        return dir > 0 ? BUY : SELL;
    }

    @JsonValue
    public String label() { return name().toLowerCase(); }
}
