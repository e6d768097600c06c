package msb.data.hyperliquid;

/** Best bid and ask of an order book and the spread between them in basis points of the mid price. */
public record BookTop(double bid, double ask, double spreadBps) {
    public BookTop {
        if (!(bid > 0) || !(ask >= bid)) throw new IllegalArgumentException("not a book top: bid " + bid + ", ask " + ask);
    }

    public static BookTop of(double bid, double ask) {
        return new BookTop(bid, ask, (ask - bid) / ((ask + bid) / 2) * 10_000);
    }
}
