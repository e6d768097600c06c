package msb.live;

import java.io.IOException;
import java.util.List;
import msb.core.Timeframe;
import msb.data.Bar;

/**
 * The three venue questions the live feed asks. Implementations throw {@link IOException} when the venue
 * is unreachable or answers with an error (5xx, 429, malformed); the feed retries with backoff.
 */
public interface VenueSource {
    /** Candles of {@code tf} whose open time lies in [startMs, endMs], oldest first, stamped at close. */
    List<Bar> candles(Timeframe tf, long startMs, long endMs) throws IOException;

    /** The best bid and ask. */
    Quote quote() throws IOException;

    /** Top of the book. */
    record Quote(double bid, double ask) {
        public Quote {
            if (!(bid > 0 && ask >= bid)) throw new IllegalArgumentException("crossed or invalid book bid=" + bid + " ask=" + ask);
        }

        public double mid() { return (bid + ask) / 2; }

        /** Ask minus bid over the mid, in basis points. */
        public double spreadBps() { return (ask - bid) / mid() * 10_000; }
    }

    /** The latest funding rate as a fraction per hour (NaN when the venue has none since {@code sinceMs}). */
    double fundingPerHour(long sinceMs) throws IOException;
}
