package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Json;

/** Human renderings of a {@link StatusDoc}: the `status` table and the replay summary. */
public final class StatusReport {
    private static final int ROUND_TRIPS_LISTED = 10;

    private StatusReport() {}

    public static String render(StatusDoc s) {
        StringBuilder b = new StringBuilder();
        line(b, "timeframe", s.tf() + "  " + s.symbol() + "  feed " + s.feed() + (s.finished() ? " (end of data)" : ""));
        line(b, "artifact", s.artifact());
        line(b, "mode", s.mode() + (s.failedGates().isEmpty() ? "" : "  (not promoted: " + String.join(", ", s.failedGates()) + ")"));
        line(b, "bars processed", s.barsProcessed() + (s.lastBarTs() == null ? "" : "  last bar " + s.lastBarTs() + " ("
                + Instant.ofEpochSecond(s.lastBarTs()) + ")"));
        line(b, "signals", sides(s.signals()));
        line(b, "orders", sides(s.orders()));
        List<JsonNode> trips = new ArrayList<>();
        for (Object rt : s.roundTrips()) trips.add(Json.mapper().valueToTree(rt));
        line(b, "round trips", roundTripSummary(trips));
        int from = Math.max(0, trips.size() - ROUND_TRIPS_LISTED);
        if (from > 0) b.append(String.format(Locale.ROOT, "  %-22s(%d earlier round trips not listed)%n", "", from));
        for (int i = from; i < trips.size(); i++) {
            JsonNode t = trips.get(i);
            b.append(String.format(Locale.ROOT, "  %-22s%-5s %d -> %d  PnL %+.2f USD (%+.1f bps)%n", "",
                    t.path("side").asText("?"), t.path("entry_ts").asLong(), t.path("exit_ts").asLong(),
                    t.path("pnl_usd").asDouble(Double.NaN), t.path("pnl_bps").asDouble(Double.NaN)));
        }
        line(b, "position", String.format(Locale.ROOT, "%.6f", s.position()));
        line(b, "equity", String.format(Locale.ROOT, "%.2f USD  (realized PnL %+.2f USD)", s.equity(), s.realizedPnl()));
        line(b, "halted", s.halted() + (s.feedStale() ? "  (feed stale)" : ""));
        if (s.blocked().isEmpty()) {
            line(b, "blocked", "nothing blocked");
        } else {
            line(b, "blocked", String.format(Locale.ROOT, "%-26s %8s %8s", "gate", "buy", "sell"));
            for (Map.Entry<String, SideCounts> e : new TreeMap<>(s.blocked()).entrySet()) {
                b.append(String.format(Locale.ROOT, "  %-22s%-26s %8d %8d%n", "", e.getKey(), e.getValue().buy(),
                        e.getValue().sell()));
            }
        }
        line(b, "fitted/validated bars", String.format(Locale.ROOT, "%d  PnL %+.2f USD", s.inSample().bars(), s.inSample().pnl()));
        line(b, "out-of-sample bars", String.format(Locale.ROOT, "%d  PnL %+.2f USD", s.outOfSample().bars(), s.outOfSample().pnl()));
        if (s.banditEligibilityFrac() != null) {
            line(b, "bandit eligibility", String.format(Locale.ROOT, "%.1f%% of bars", 100 * s.banditEligibilityFrac()));
        }
        if (s.mood() != null) line(b, "mood", s.mood());
        line(b, "flips", s.flips().isEmpty() ? "none" : new TreeMap<>(s.flips()).toString());
        if (s.alerts().isEmpty()) {
            line(b, "alerts", "none");
        } else {
            line(b, "alerts", s.alerts().size() + " (most recent last)");
            for (Alert a : s.alerts()) b.append(String.format(Locale.ROOT, "  %-22s%d %s: %s%n", "", a.barTs(), a.kind(), a.message()));
        }
        return b.toString();
    }

    private static String roundTripSummary(List<JsonNode> trips) {
        int won = 0;
        int longs = 0;
        double pnl = 0;
        double longPnl = 0;
        for (JsonNode t : trips) {
            double p = t.path("pnl_usd").asDouble(0);
            pnl += p;
            if (p > 0) won++;
            if ("long".equals(t.path("side").asText())) {
                longs++;
                longPnl += p;
            }
        }
        if (trips.isEmpty()) return "0 closed";
        return String.format(Locale.ROOT, "%d closed, %d won (%.1f%%), PnL %+.2f USD  [long %d: %+.2f, short %d: %+.2f]",
                trips.size(), won, 100.0 * won / trips.size(), pnl, longs, longPnl, trips.size() - longs, pnl - longPnl);
    }

    private static String sides(SideCounts c) { return "buy " + c.buy() + "  sell " + c.sell(); }

    private static void line(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-24s%s%n", key, value));
    }
}
