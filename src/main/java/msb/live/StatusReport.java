package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Json;
import msb.signal.DirectionCounts;
import msb.trading.FunnelCounts;
import msb.trading.TradingEngine;

/** Human renderings of a {@link StatusDoc}: the `status` table and the replay summary. */
public final class StatusReport {
    private static final int ROUND_TRIPS_LISTED = 10;

    private StatusReport() {}

    public static String render(StatusDoc s) {
        StringBuilder b = new StringBuilder();
        line(b, "timeframe", s.tf() + "  " + s.symbol() + "  feed " + s.feed() + (s.finished() ? " (end of data)" : ""));
        line(b, "artifact", s.artifact());
        line(b, "mode", s.mode() + (s.failedGates().isEmpty() ? "" : "  (not promoted: " + String.join(", ", s.failedGates()) + ")"));
        line(b, "bars processed", s.barsProcessed() + (s.lastBarTs() == null ? "" : "  last bar " + Instant.ofEpochSecond(s.lastBarTs())));
        if (s.funnel() != null) {
            funnel(b, s);
        } else { // a checkpoint written before the funnel existed
            line(b, "decisions", sides(s.signals()));
            line(b, "orders", sides(s.orders()));
        }
        List<JsonNode> trips = new ArrayList<>();
        for (Object rt : s.roundTrips()) trips.add(Json.mapper().valueToTree(rt));
        line(b, "round trips", roundTripSummary(trips));
        int from = Math.max(0, trips.size() - ROUND_TRIPS_LISTED);
        if (from > 0) b.append(String.format(Locale.ROOT, "  %-22s(%d earlier round trips not listed)%n", "", from));
        for (int i = from; i < trips.size(); i++) {
            JsonNode t = trips.get(i);
            b.append(String.format(Locale.ROOT, "  %-22s%-5s %s -> %s  PnL %+.2f USD (%+.1f bps)%n", "",
                    t.path("side").asText("?"), Instant.ofEpochSecond(t.path("entry_ts").asLong()), Instant.ofEpochSecond(t.path("exit_ts").asLong()),
                    t.path("pnl_usd").asDouble(Double.NaN), t.path("pnl_bps").asDouble(Double.NaN)));
        }
        line(b, "position", String.format(Locale.ROOT, "%.6f", s.position()));
        line(b, "equity", String.format(Locale.ROOT, "%.2f USD  (realized PnL %+.2f USD)", s.equity(), s.realizedPnl()));
        line(b, "halted", s.halted() + (s.feedStale() ? "  (feed stale)" : ""));
        if (s.funnel() == null) {
            if (s.blocked().isEmpty()) {
                line(b, "blocked", "nothing blocked");
            } else {
                line(b, "blocked", String.format(Locale.ROOT, "%-26s %8s %8s", "gate", "buy", "sell"));
                for (Map.Entry<String, DirectionCounts> e : new TreeMap<>(s.blocked()).entrySet()) {
                    b.append(String.format(Locale.ROOT, "  %-22s%-26s %8d %8d%n", "", e.getKey(), e.getValue().buy(),
                            e.getValue().sell()));
                }
            }
        }
        line(b, "fitted/validated bars", String.format(Locale.ROOT, "%d  PnL %+.2f USD", s.inSample().bars(), s.inSample().pnl()));
        line(b, "out-of-sample bars", String.format(Locale.ROOT, "%d  PnL %+.2f USD", s.outOfSample().bars(), s.outOfSample().pnl()));
        if (s.banditEligibilityFrac() != null) {
            line(b, "bandit eligibility", String.format(Locale.ROOT, "%.1f%% of bars", 100 * s.banditEligibilityFrac()));
        }
        if (s.mood() != null) line(b, "mood", s.mood());
        if (s.drift() != null) line(b, "drift", drift(s.drift()));
        if (s.retrain() != null) line(b, "retrain", retrainLine(s.retrain()));
        line(b, "flips", s.flips().isEmpty() ? "none" : new TreeMap<>(s.flips()).toString());
        if (s.alerts().isEmpty()) {
            line(b, "alerts", "none");
        } else {
            line(b, "alerts", s.alerts().size() + " (most recent last)");
            for (Alert a : s.alerts()) b.append(String.format(Locale.ROOT, "  %-22s%s %s: %s%n", "", Instant.ofEpochSecond(a.barTs()), a.kind(), a.message()));
        }
        return b.toString();
    }

    /** The --retrain-every schedule in one line: live run, last retrain and its outcome, next due bar time. */
    public static String retrainLine(RetrainStatus r) {
        String last = r.lastOutcome() == null ? "none yet" : r.lastOutcome() + " after bar " + Instant.ofEpochSecond(r.lastTs())
                + (r.lastRunId() == null ? "" : " (" + r.lastRunId() + ")") + (r.lastDetail() == null ? "" : ": " + r.lastDetail());
        return "every " + r.every() + "  live " + r.liveRunId() + "  last " + last + "  next due "
                + (r.retrainingThroughTs() != null ? "now (retraining on the bars through " + Instant.ofEpochSecond(r.retrainingThroughTs()) + ")"
                : r.nextDueTs() == null ? "an interval after the first bar" : Instant.ofEpochSecond(r.nextDueTs()).toString())
                + String.format(Locale.ROOT, "  (%d swapped, %d refused, %d failed)", r.swaps(), r.refusals(), r.failures());
    }

    /**
     * The funnel with msb.trading.FunnelCounts' words: per side, model signals, refused by the gate, and
     * decisions = blocked + held + ordered; then every order sent, decisions' and exits'.
     */
    private static void funnel(StringBuilder b, StatusDoc s) {
        FunnelCounts f = s.funnel();
        line(b, "decision funnel", FunnelCounts.line("BUY", f.modelSignals().buy(), f.refusedByGate().buy(), detail(s, true, 1),
                f.decisions().buy(), f.blocked().buy(), detail(s, false, 1), f.held().buy(), f.ordered().buy()));
        line(b, "", FunnelCounts.line("SELL", f.modelSignals().sell(), f.refusedByGate().sell(), detail(s, true, -1),
                f.decisions().sell(), f.blocked().sell(), detail(s, false, -1), f.held().sell(), f.ordered().sell()));
        long all = s.orders().buy() + s.orders().sell(), forDecisions = f.ordered().total();
        line(b, "orders sent", all == 0 ? "0" : all + " (" + forDecisions + " carrying out decisions, " + (all - forDecisions) + " exits)");
    }

    /** "below_min 20, no_consensus 3": the gate refusals (gate) or guard blocks (!gate) of one side. */
    private static String detail(StatusDoc s, boolean gate, int dir) {
        StringBuilder d = new StringBuilder();
        for (Map.Entry<String, DirectionCounts> e : new TreeMap<>(s.blocked()).entrySet()) {
            long n = dir > 0 ? e.getValue().buy() : e.getValue().sell();
            if (n > 0 && TradingEngine.gateRefusal(e.getKey()) == gate) d.append(d.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(n);
        }
        return d.toString();
    }

    /** "PSI rv_1h 0.31, ret_1 0.05 ... (window 500/500 bars; 1 at alert 0.20 psi; halt at 0.50 psi)". */
    public static String drift(DriftStatus d) {
        StringBuilder t = new StringBuilder();
        if (d.top().isEmpty()) {
            t.append(String.format(Locale.ROOT, "window filling, %d/%d bars (PSI is read once it is full)", d.filledBars(), d.windowBars()));
        } else {
            t.append("PSI ");
            for (int i = 0; i < d.top().size(); i++) {
                t.append(i == 0 ? "" : ", ").append(d.top().get(i).feature())
                        .append(String.format(Locale.ROOT, " %.3f", d.top().get(i).psi()));
            }
            t.append(String.format(Locale.ROOT, "  (window %d bars; %d at alert %.2f psi", d.windowBars(), d.featuresAtAlert(), d.alertPsi()));
            t.append(d.haltPsi() == null ? "; no halt)" : String.format(Locale.ROOT, "; halt at %.2f psi)", d.haltPsi()));
        }
        if (d.halted()) t.append("  HALTED for drift");
        return t.toString();
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

    private static String sides(DirectionCounts c) { return "buy " + c.buy() + "  sell " + c.sell(); }

    private static void line(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-24s%s%n", key, value));
    }
}
