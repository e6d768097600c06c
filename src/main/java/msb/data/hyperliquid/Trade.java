package msb.data.hyperliquid;

/**
 * One fill or public trade: its id ({@code tid}, unique per trade on the venue), time (unix ms), coin, price,
 * size, and aggressor sign: side "B" (buyer-initiated, or a wallet's buy) is +1, "A" (seller) is -1.
 */
public record Trade(long tid, long timeMs, String coin, double px, double sz, int sign) {
    public Trade {
        if (sign != 1 && sign != -1) throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
    }

    /** Signed notional in USD: px x sz x sign. */
    public double signedNotionalUsd() { return sign * px * sz; }

    /** "B" gives +1, "A" gives -1; anything else is refused. */
    public static int sideSign(String side) {
        return switch (side) {
            case "B" -> 1;
            case "A" -> -1;
            default -> throw new HyperliquidException("Hyperliquid sent side '" + side + "'; expected B (buy) or A (sell)");
        };
    }

    /** A fill or trade object of the API ({@code tid, time, coin, px, sz, side}). */
    public static Trade parse(com.fasterxml.jackson.databind.JsonNode n) {
        if (!n.path("tid").canConvertToLong() || !n.path("time").canConvertToLong()) {
            throw new HyperliquidException("Hyperliquid sent a fill without tid or time: " + n);
        }
        double px = Double.parseDouble(n.path("px").asText("NaN"));
        double sz = Double.parseDouble(n.path("sz").asText("NaN"));
        if (!(px > 0) || !(sz >= 0) || Double.isInfinite(px) || Double.isInfinite(sz)) {
            throw new HyperliquidException("Hyperliquid sent a fill with px " + n.path("px") + ", sz " + n.path("sz") + ": " + n);
        }
        return new Trade(n.path("tid").asLong(), n.path("time").asLong(), n.path("coin").asText(), px, sz,
                sideSign(n.path("side").asText()));
    }
}
