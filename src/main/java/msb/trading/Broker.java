package msb.trading;

/**
 * Where orders go. The paper book is the only implementation and the only source of truth for the
 * position: orders are sized against it, never against an exchange.
 */
public interface Broker {
    /**
     * Changes the position by {@code qtyDelta} (base units, + buys, - sells) at a reference price (next bar's
     * open in replay, the mid in live), stamped with the deciding bar's close time.
     */
    Execution execute(double qtyDelta, double refPrice, long ts, String reason);

    /** Charges (or pays) funding on the open position: ratePerHour x hours x notional at markPrice. */
    void accrueFunding(double ratePerHour, double hours, double markPrice);

    /** Signed position in base units. */
    double positionQty();

    double equityUsd(double markPrice);

    /** The fill, and the round trip it closed (null when none). */
    record Execution(Fill fill, RoundTrip closed) {}
}
