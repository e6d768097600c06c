package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Json;
import msb.signal.DirectionCounts;

/** One frame of `msb monitor`: equity, position, the decision funnel and the tail of the event log. */
public final class MonitorView {
    /** ANSI: cursor home, clear screen. */
    public static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private MonitorView() {}

    public static String frame(StateStore store, int recentEvents) {
        StatusDoc s = store.status();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "msb monitor  %s %s  %s  [%s]  %s%n", s.symbol(), s.tf(), s.mode().toUpperCase(Locale.ROOT),
                s.feed(), store.dir()));
        b.append(String.format(Locale.ROOT, "artifact %s%n", s.artifact()));
        b.append(String.format(Locale.ROOT, "bars %d  last bar %s%s%s%n", s.barsProcessed(),
                s.lastBarTs() == null ? "-" : java.time.Instant.ofEpochSecond(s.lastBarTs()).toString(),
                s.halted() ? "  HALTED" + (s.feedStale() ? " (feed stale)" : "") : "", s.finished() ? "  (end of data)" : ""));
        b.append(String.format(Locale.ROOT, "equity %.2f  realized %+.2f  position %.6f  round trips %d%n", s.equity(),
                s.realizedPnl(), s.position(), s.roundTrips().size()));
        if (s.drift() != null) b.append("drift ").append(StatusReport.drift(s.drift())).append('\n');
        b.append(String.format(Locale.ROOT, "%n%-36s %10s %10s%n", "funnel", "buy", "sell"));
        b.append(String.format(Locale.ROOT, "  %-34s %10d %10d%n", "signals", s.signals().buy(), s.signals().sell()));
        for (Map.Entry<String, DirectionCounts> e : new TreeMap<>(s.blocked()).entrySet()) {
            b.append(String.format(Locale.ROOT, "  %-34s %10d %10d%n", "blocked " + e.getKey(), e.getValue().buy(), e.getValue().sell()));
        }
        b.append(String.format(Locale.ROOT, "  %-34s %10d %10d%n", "orders", s.orders().buy(), s.orders().sell()));
        if (!s.alerts().isEmpty()) {
            Alert a = s.alerts().getLast();
            b.append(String.format(Locale.ROOT, "%nlast alert  %d %s: %s%n", a.barTs(), a.kind(), a.message()));
        }
        List<String> tail = EventLog.tail(store.eventsFile(), recentEvents);
        b.append(String.format(Locale.ROOT, "%nrecent events (%s)%n", store.eventsFile().getFileName()));
        for (String line : tail) b.append("  ").append(summarise(line)).append('\n');
        return b.toString();
    }

    /** Every timeframe of a `run-live --tf A,B,...` process, one frame each (its funnel, last alert and events). */
    public static String groupFrame(RunnerGroup g, int recentEvents) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "msb monitor  %s  %d timeframes  max_total_exposure_frac %.4f%n", g.symbol(),
                g.members().size(), g.maxTotalExposureFrac()));
        for (RunnerGroup.Member m : g.members()) {
            b.append(String.format(Locale.ROOT, "%n=== %s  %s%s%n", m.tf(), m.outcome(), m.detail().isEmpty() ? "" : "  (" + m.detail() + ")"));
            StateStore store = new StateStore(java.nio.file.Path.of(m.stateDir()));
            if (store.load().isPresent()) b.append(frame(store, recentEvents));
            else b.append("no checkpoint yet in ").append(m.stateDir()).append('\n');
        }
        return b.toString();
    }

    /** "bar_ts type key=value ..." for a log line; the raw line when it is not an event. */
    static String summarise(String line) {
        try {
            JsonNode n = Json.mapper().readTree(line);
            StringBuilder b = new StringBuilder();
            b.append(n.path("bar_ts").asLong()).append(' ').append(String.format(Locale.ROOT, "%-12s", n.path("type").asText()));
            JsonNode d = n.path("data");
            int shown = 0;
            for (var it = d.properties().iterator(); it.hasNext() && shown < 7; ) {
                var f = it.next();
                if (f.getKey().equals("type") || f.getKey().equals("ts")) continue;
                JsonNode v = f.getValue();
                String text = v.isNumber() && v.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.4g", v.asDouble()) : v.asText();
                b.append(' ').append(f.getKey()).append('=').append(text);
                shown++;
            }
            return b.toString();
        } catch (Exception e) {
            return line;
        }
    }
}
