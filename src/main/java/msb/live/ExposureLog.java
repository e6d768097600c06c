package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import msb.core.Json;
import msb.data.Bars;

/**
 * A book's exposure bar by bar, read back from its event log: every decision event records the position and
 * equity after the bar (a replay fills orders at the next bar's open), and the bar's close prices it.
 */
final class ExposureLog {
    private ExposureLog() {}

    /**
     * The exposure after each decided bar closing after {@code afterTs}, preceded by the last one at or before it
     * (the state the book was in at {@code afterTs}).
     */
    static ExposureBudget.History read(Path events, Bars bars, long afterTs) {
        int n = 0;
        long[] ts = new long[64];
        double[] notional = new double[64];
        double[] equity = new double[64];
        try (BufferedReader in = Files.newBufferedReader(events)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.contains("\"type\":\"decision\"")) continue;
                JsonNode d = Json.mapper().readTree(line).path("data");
                long t = d.path("ts").asLong();
                int bar = Arrays.binarySearch(bars.ts(), t);
                if (bar < 0) {
                    throw new IllegalStateException(events + " has a decision at " + t + ", which is not a replayed bar");
                }
                if (t <= afterTs) n = 0; // only the last one at or before afterTs is kept
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, 2 * n);
                    notional = Arrays.copyOf(notional, 2 * n);
                    equity = Arrays.copyOf(equity, 2 * n);
                }
                ts[n] = t;
                notional[n] = Math.abs(d.path("position_qty").asDouble() * bars.get(bar).close());
                equity[n] = d.path("equity_usd").asDouble();
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + events + ": " + e.getMessage(), e);
        }
        return new ExposureBudget.History(Arrays.copyOf(ts, n), Arrays.copyOf(notional, n), Arrays.copyOf(equity, n));
    }
}
