package msb.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * `msb status` of a multi-timeframe process: each timeframe's outcome (see {@link RunnerGroup}) and its own
 * status document (null before its first checkpoint, or when it was refused before it ran), side by side.
 */
public record GroupStatus(String symbol, String feed, double maxTotalExposureFrac, List<Entry> timeframes) {
    public record Entry(String tf, String stateDir, String outcome, String detail, StatusDoc status) {}

    public GroupStatus {
        timeframes = List.copyOf(timeframes);
    }

    public static GroupStatus of(RunnerGroup g) {
        List<Entry> out = new ArrayList<>();
        for (RunnerGroup.Member m : g.members()) {
            StateStore store = new StateStore(Path.of(m.stateDir()));
            StatusDoc doc = store.load().map(RunnerState::status).orElse(null);
            out.add(new Entry(m.tf(), m.stateDir(), m.outcome(), m.detail(), doc));
        }
        return new GroupStatus(g.symbol(), g.feed(), g.maxTotalExposureFrac(), out);
    }

    /** The timeframes in columns, one row per figure; then each timeframe's most recent alerts. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s  %d timeframes  feed %s  max_total_exposure_frac %.4f%n", symbol, timeframes.size(),
                feed, maxTotalExposureFrac));
        row(b, "timeframe", e -> e.tf());
        row(b, "outcome", Entry::outcome);
        row(b, "mode", e -> e.status() == null ? "-" : e.status().mode());
        row(b, "bars processed", e -> e.status() == null ? "-" : Long.toString(e.status().barsProcessed()));
        row(b, "last bar", e -> e.status() == null || e.status().lastBarTs() == null ? "-"
                : Instant.ofEpochSecond(e.status().lastBarTs()).toString().replace(":00Z", "Z"));
        row(b, "position", e -> e.status() == null ? "-" : String.format(Locale.ROOT, "%.6f", e.status().position()));
        row(b, "equity USD", e -> e.status() == null ? "-" : String.format(Locale.ROOT, "%.2f", e.status().equity()));
        row(b, "realized PnL USD", e -> e.status() == null ? "-" : String.format(Locale.ROOT, "%+.2f", e.status().realizedPnl()));
        row(b, "signals buy/sell", e -> e.status() == null ? "-" : e.status().signals().buy() + "/" + e.status().signals().sell());
        row(b, "orders buy/sell", e -> e.status() == null ? "-" : e.status().orders().buy() + "/" + e.status().orders().sell());
        row(b, "round trips", e -> e.status() == null ? "-" : Integer.toString(e.status().roundTrips().size()));
        row(b, "halted", e -> e.status() == null ? "-" : e.status().halted() ? (e.status().feedStale() ? "yes (stale)" : "yes") : "no");
        row(b, "max feature PSI", e -> e.status() == null || e.status().drift() == null ? "-"
                : e.status().drift().top().isEmpty() ? "filling" : String.format(Locale.ROOT, "%.3f", e.status().drift().maxPsi()));
        row(b, "alerts", e -> e.status() == null ? "-" : Integer.toString(e.status().alerts().size()));
        if (timeframes.stream().anyMatch(e -> e.status() != null && e.status().retrain() != null)) {
            row(b, "live run", e -> retrain(e) == null ? "-" : retrain(e).liveRunId());
            row(b, "last retrain", e -> retrain(e) == null || retrain(e).lastOutcome() == null ? "-"
                    : retrain(e).lastOutcome() + " " + Instant.ofEpochSecond(retrain(e).lastTs()).toString().replace(":00Z", "Z"));
            row(b, "next retrain due", e -> retrain(e) == null ? "-" : retrain(e).retrainingThroughTs() != null ? "retraining"
                    : retrain(e).nextDueTs() == null ? "after 1st bar" : Instant.ofEpochSecond(retrain(e).nextDueTs()).toString().replace(":00Z", "Z"));
        }
        for (Entry e : timeframes) {
            if (!e.detail().isEmpty()) b.append(String.format(Locale.ROOT, "%s: %s%n", e.tf(), e.detail()));
            if (retrain(e) != null && retrain(e).lastDetail() != null) {
                b.append(String.format(Locale.ROOT, "%s last retrain: %s%n", e.tf(), retrain(e).lastDetail()));
            }
            if (e.status() != null && !e.status().alerts().isEmpty()) {
                Alert a = e.status().alerts().getLast();
                b.append(String.format(Locale.ROOT, "%s last alert: %d %s: %s%n", e.tf(), a.barTs(), a.kind(), a.message()));
            }
        }
        return b.toString();
    }

    private static RetrainStatus retrain(Entry e) { return e.status() == null ? null : e.status().retrain(); }

    private void row(StringBuilder b, String name, Function<Entry, String> cell) {
        b.append(String.format(Locale.ROOT, "%-20s", name));
        for (Entry e : timeframes) b.append(String.format(Locale.ROOT, " %20s", cell.apply(e)));
        b.append('\n');
    }
}
