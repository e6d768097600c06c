package msb.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import msb.core.Json;
import msb.core.Workspace;
import msb.data.CohortSignals;
import msb.data.CohortStore;
import msb.data.hyperliquid.HyperliquidException;
import msb.data.hyperliquid.Trade;

/**
 * Cohort and mood signals from the venue, one row per cohort bar (5m) appended to the symbol's cohort store
 * ({@code ts,S_top,S_bot,mood}, ts = the bar's close), so that live collection becomes training data.
 *
 * <p>Per bar: the fills of a group of the listed wallets ({@code userFillsByTime}, paged, de-duplicated by
 * fill id; groups rotate bar by bar when the list is long) and the public trades the {@link TradeSource} saw
 * (the venue's WebSocket). The one-bar lag is explicit: the row of the bar closing at t uses fills and trades
 * with time at or before t and nothing later, since requests end at t and trades after t wait for the next
 * bar. A fill that reaches the venue's history late (time before t, not seen at an earlier bar) counts in the
 * first bar that sees it, never in a bar already written. Requests are paced by the shared venue client and
 * retried with exponential backoff (429, 5xx, refused connections); a wallet still unreachable is skipped
 * for the bar (its fills count later, as late fills) and alerted.
 *
 * <p>Crash safety: the collector's checkpoint (signal state, cursors, seen fill ids, the last row) is written
 * atomically before the row is appended; a restart appends a row the checkpoint holds and the store lacks.
 */
public final class CohortCollector implements AutoCloseable {
    /** Cadence and limits; durations in ms. */
    public record Options(long barSec, int emaBars, int adnBars, int addressesPerBar, long settleMs, long lateFillWindowMs,
                          int maxAttempts, long initialBackoffMs, long maxBackoffMs, int maxPagesPerAddress, int maxCatchUpBars,
                          int fillsPerPage) {
        public static Options defaults() {
            return new Options(300, 12, 288, 20, 1_000, 3_600_000, 5, 500, 30_000, 20, 288,
                    msb.data.hyperliquid.HyperliquidClient.MAX_FILLS_PER_ANSWER);
        }

        /** The same with the venue's page size (tests force paging with small pages). */
        public Options withFillsPerPage(int n) {
            return new Options(barSec, emaBars, adnBars, addressesPerBar, settleMs, lateFillWindowMs, maxAttempts, initialBackoffMs,
                    maxBackoffMs, maxPagesPerAddress, maxCatchUpBars, n);
        }
    }

    /** Public trades seen since the last drain. */
    public interface TradeSource extends AutoCloseable {
        /** Trades with time at or before {@code closeMs} not handed out before; later ones stay for the next bar. */
        List<Trade> drainThrough(long closeMs);

        /** Connections re-established after a drop. */
        long reconnects();

        @Override default void close() {}
    }

    /** One stored row. */
    public record Row(long ts, double sTop, double sBot, double mood) {}

    /** What a run did, for the summary and the soak figures. */
    public record Figures(long bars, long fills, long duplicateFills, long trades, long requestFailures, long skippedWallets,
                          long reconnects) {}

    /** The collector's checkpoint. */
    record State(int version, Long lastBarTs, FlowSignal.State top, FlowSignal.State bot, FlowSignal.State mood,
                 Map<String, Long> cursorsMs, Map<String, Long> seenFillTimesMs, int rotation, Row lastRow) {
        static final int VERSION = 1;
    }

    public static final String STATE_FILE = "collector.json";

    private final Workspace ws;
    private final String symbol;
    private final HyperliquidVenue venue;
    private final CohortAddresses addresses;
    private final TradeSource trades;
    private final Path stateFile;
    private final Options o;
    private final LiveClock clock;
    private final Consumer<Alert> alerts;
    private final FlowSignal top;
    private final FlowSignal bot;
    private final FlowSignal mood;
    private final Map<String, Long> cursorsMs;
    /** "wallet tid" -> fill time: both sides of a trade between two listed wallets share the tid. */
    private final Map<String, Long> seen;
    private int rotation;
    private Long lastBarTs;
    private volatile boolean stopped;
    private long bars, fills, duplicates, tradeCount, failures, skipped;

    public CohortCollector(Workspace ws, String symbol, HyperliquidVenue venue, CohortAddresses addresses, TradeSource tradesOrNull,
                           Path stateDir, Options options, LiveClock clock, Consumer<Alert> alerts) {
        this.ws = ws;
        this.symbol = symbol;
        this.venue = venue;
        this.addresses = addresses;
        this.trades = tradesOrNull;
        this.stateFile = stateDir.resolve(STATE_FILE);
        this.o = options;
        this.clock = clock;
        this.alerts = alerts;
        State s = Files.isRegularFile(stateFile) ? Json.read(stateFile, State.class) : null;
        if (s != null && s.version() != State.VERSION) {
            throw new msb.core.UserInputException(stateFile + ": collector state version " + s.version() + ", this msb writes "
                    + State.VERSION + "; delete it to start the cohort signals over");
        }
        this.top = new FlowSignal(o.emaBars(), o.adnBars(), o.barSec(), s == null ? FlowSignal.State.INITIAL : s.top());
        this.bot = new FlowSignal(o.emaBars(), o.adnBars(), o.barSec(), s == null ? FlowSignal.State.INITIAL : s.bot());
        this.mood = new FlowSignal(o.emaBars(), o.adnBars(), o.barSec(), s == null ? FlowSignal.State.INITIAL : s.mood());
        this.cursorsMs = new HashMap<>(s == null ? Map.of() : s.cursorsMs());
        this.seen = new HashMap<>(s == null ? Map.of() : s.seenFillTimesMs());
        this.rotation = s == null ? 0 : s.rotation();
        this.lastBarTs = s == null ? null : s.lastBarTs();
        if (s != null && s.lastRow() != null) append(s.lastRow()); // the crash fell between checkpoint and append
    }

    /** The close of the last bar written, or null before the first. */
    public Long lastBarTs() { return lastBarTs; }

    public Figures figures() {
        return new Figures(bars, fills, duplicates, tradeCount, failures, skipped, trades == null ? 0 : trades.reconnects());
    }

    /** Writes a row per cohort bar until stopped or {@code maxBars} rows were written. */
    public Figures run(long maxBars) throws InterruptedException {
        long barMs = o.barSec() * 1000;
        long done = 0;
        long first = Math.floorDiv(clock.nowMs(), barMs) * o.barSec() + o.barSec(); // the first bar closing after the start
        while (!stopped && done < maxBars) {
            long now = clock.nowMs();
            long next = lastBarTs != null ? lastBarTs + o.barSec() : first;
            long lastClosed = Math.floorDiv(now - o.settleMs(), barMs) * o.barSec();
            if (next < lastClosed - (long) o.maxCatchUpBars() * o.barSec()) {
                alerts.accept(new Alert(lastBarTs, "cohort_gap", "cohort collector was down from " + lastBarTs + " to " + lastClosed
                        + "; public trades of that time are lost, signals continue from " + lastClosed));
                next = lastClosed;
            }
            long dueMs = next * 1000 + o.settleMs();
            if (now < dueMs) {
                clock.sleepMs(dueMs - now);
                continue;
            }
            collectBar(next);
            done++;
        }
        return figures();
    }

    /** Collects, computes, checkpoints and stores the row of the bar closing at {@code closeTs}. */
    Row collectBar(long closeTs) throws InterruptedException {
        long endMs = closeTs * 1000;
        double[] net = new double[2];
        double[] gross = new double[2];
        List<String> all = addresses.all();
        int group = Math.min(all.size(), o.addressesPerBar());
        for (int g = 0; g < group; g++) {
            String user = all.get((rotation + g) % all.size());
            int role = addresses.pros().contains(user) ? 0 : 1;
            long cursor = cursorsMs.getOrDefault(user, endMs - o.barSec() * 1000);
            List<Trade> got = fetch(user, Math.max(0, cursor - o.lateFillWindowMs()), endMs, closeTs);
            if (got == null) continue;
            for (Trade t : got) {
                if (!t.coin().equals(venue.coin())) continue;
                net[role] += t.signedNotionalUsd();
                gross[role] += Math.abs(t.signedNotionalUsd());
                fills++;
            }
            cursorsMs.put(user, endMs);
        }
        rotation = all.isEmpty() ? 0 : (rotation + group) % all.size();
        double moodNet = 0;
        double moodGross = 0;
        if (trades != null) {
            for (Trade t : trades.drainThrough(endMs)) {
                moodNet += t.signedNotionalUsd();
                moodGross += Math.abs(t.signedNotionalUsd());
                tradeCount++;
            }
        }
        Row row = new Row(closeTs, top.update(net[0], gross[0]), bot.update(net[1], gross[1]), mood.update(moodNet, moodGross));
        long keepFromMs = cursorsMs.values().stream().mapToLong(Long::longValue).min().orElse(endMs) - o.lateFillWindowMs();
        seen.values().removeIf(ms -> ms < keepFromMs);
        lastBarTs = closeTs;
        bars++;
        Json.write(stateFile, new State(State.VERSION, lastBarTs, top.state(), bot.state(), mood.state(), new TreeMap<>(cursorsMs),
                new TreeMap<>(seen), rotation, row));
        append(row);
        return row;
    }

    /** The wallet's fills new since the last look, paged; null when the venue stayed unreachable. */
    private List<Trade> fetch(String user, long startMs, long endMs, long closeTs) throws InterruptedException {
        List<Trade> out = new ArrayList<>();
        long cursor = startMs;
        for (int page = 0; page < o.maxPagesPerAddress(); page++) {
            List<Trade> got = request(user, cursor, endMs, closeTs);
            if (got == null) return null;
            int fresh = 0;
            long latest = cursor;
            for (Trade t : got) {
                latest = Math.max(latest, t.timeMs());
                if (t.timeMs() > endMs) continue; // after the bar: the next bar's request brings it
                if (seen.putIfAbsent(user + " " + t.tid(), t.timeMs()) != null) {
                    duplicates++;
                    continue;
                }
                fresh++;
                out.add(t);
            }
            if (got.size() < o.fillsPerPage()) break;
            // a full page may end in the middle of a millisecond: the next page starts at that millisecond again,
            // unless the whole page was already seen
            cursor = fresh > 0 ? latest : latest + 1;
        }
        return out;
    }

    private List<Trade> request(String user, long startMs, long endMs, long closeTs) throws InterruptedException {
        long backoff = o.initialBackoffMs();
        String last = "";
        for (int attempt = 1; attempt <= o.maxAttempts(); attempt++) {
            try {
                venue.pace();
                return venue.client().userFillsPage(user, startMs, endMs);
            } catch (HyperliquidException | IOException e) {
                failures++;
                last = e.getMessage();
                if (attempt < o.maxAttempts()) {
                    clock.sleepMs(backoff);
                    backoff = Math.min(2 * backoff, o.maxBackoffMs());
                }
            }
        }
        skipped++;
        alerts.accept(new Alert(closeTs, "cohort_fills_unavailable", "fills of " + user + " unavailable after " + o.maxAttempts()
                + " attempts (" + last + "); they count at a later bar"));
        return null;
    }

    /** The cohort rows stored now (what the decision logic of a live timeframe reads at its next bar). */
    public CohortSignals rows() {
        CohortSignals r = rows;
        return r != null ? r : CohortStore.load(ws, symbol).orElse(null);
    }

    private volatile CohortSignals rows;

    private void append(Row r) {
        CohortStore.append(ws, symbol, new CohortSignals(new long[] {r.ts()}, new double[] {r.sTop()}, new double[] {r.sBot()},
                new double[] {r.mood()}), "live:hyperliquid");
        rows = CohortStore.load(ws, symbol).orElse(null);
    }

    /** Makes {@link #run} return after the current bar. */
    @Override
    public void close() {
        stopped = true;
        if (trades != null) trades.close();
    }
}
