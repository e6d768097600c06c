package msb.research;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msb.dataset.Dataset;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.EvaluationReport;
import msb.evaluate.Funnel;
import msb.evaluate.Trade;
import msb.model.RunRecord;
import msb.signal.DirectionCounts;
import msb.signal.Metrics;
import msb.signal.Verdict;
import msb.trading.EngineEvent;
import msb.trading.FunnelCounts;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * msb's typed records as Tablesaw tables, and a table as HTML for a notebook. Only rearranges figures the
 * records already hold (metrics, verdicts, funnels come from {@code evaluate} and the live runner); the one
 * computation, {@code s_model} and the signal of {@link #predictions}, calls the same functions evaluate does.
 */
public final class Frames {
    private Frames() {}

    static Table predictions(Artifact a, Dataset ds, int[] rows, double[][] probs) {
        int n = rows.length;
        Instant[] ts = new Instant[n];
        int[] label = new int[n];
        double[] fwd = new double[n], down = new double[n], neutral = new double[n], up = new double[n];
        for (int k = 0; k < n; k++) {
            ts[k] = Instant.ofEpochSecond(ds.ts()[rows[k]]);
            label[k] = ds.label()[rows[k]];
            fwd[k] = ds.fwdReturn()[rows[k]];
            down[k] = probs[k][0];
            neutral[k] = probs[k][1];
            up[k] = probs[k][2];
        }
        return Table.create(a.model() + " predictions", InstantColumn.create("ts", ts), IntColumn.create("label", label),
                DoubleColumn.create("fwd_return", fwd), DoubleColumn.create("p_down", down), DoubleColumn.create("p_neutral", neutral),
                DoubleColumn.create("p_up", up), DoubleColumn.create("s_model", Metrics.sModel(probs)),
                DoubleColumn.create("signal", a.manifest().signalSpec().of(probs)));
    }

    /** The class probabilities {p_down, p_neutral, p_up} of a {@link Workbench#predictions} table, per row. */
    public static double[][] probs(Table predictions) {
        int n = predictions.rowCount();
        double[][] out = new double[n][];
        DoubleColumn d = predictions.doubleColumn("p_down"), m = predictions.doubleColumn("p_neutral"), u = predictions.doubleColumn("p_up");
        for (int i = 0; i < n; i++) out[i] = new double[]{d.getDouble(i), m.getDouble(i), u.getDouble(i)};
        return out;
    }

    /**
     * One row per evaluated artifact, then one per baseline of the first (the baselines are scored on the same
     * rows): {@code name}, {@code kind} (model or baseline), {@code balanced_accuracy}, {@code log_loss},
     * {@code sharpe_net}; missing where a figure does not apply (buy-and-hold has no classes).
     */
    public static Table scores(EvaluationReport report) {
        StringColumn name = StringColumn.create("name"), kind = StringColumn.create("kind");
        DoubleColumn ba = DoubleColumn.create("balanced_accuracy"), ll = DoubleColumn.create("log_loss"), sh = DoubleColumn.create("sharpe_net");
        for (ArtifactEvaluation e : report.artifacts()) {
            name.append(e.model() + (e.promoted() ? " (promoted)" : " (rejected)"));
            kind.append("model");
            append(ba, e.metrics().balancedAccuracy());
            append(ll, e.metrics().logLoss());
            append(sh, e.metrics().sharpeNet());
        }
        if (!report.artifacts().isEmpty()) {
            for (Map.Entry<String, ArtifactEvaluation.Baseline> b : new java.util.TreeMap<>(report.artifacts().getFirst().baselines()).entrySet()) {
                name.append(b.getKey());
                kind.append("baseline");
                append(ba, b.getValue().balancedAccuracy());
                append(ll, b.getValue().logLoss());
                append(sh, b.getValue().sharpeNet());
            }
        }
        return Table.create("scores on the evaluated rows", name, kind, ba, ll, sh);
    }

    /** Predicted, argmax and label shares per direction of each evaluated artifact, in percent. */
    public static Table shares(EvaluationReport report) {
        StringColumn series = StringColumn.create("series");
        DoubleColumn down = DoubleColumn.create("DOWN"), neutral = DoubleColumn.create("NEUTRAL"), up = DoubleColumn.create("UP");
        boolean first = true;
        for (ArtifactEvaluation e : report.artifacts()) {
            if (first) shareRow(series, down, neutral, up, "labels", e.labelShares());
            first = false;
            shareRow(series, down, neutral, up, e.model() + " acts (|signal| >= S_MIN)", e.predictedShares());
            shareRow(series, down, neutral, up, e.model() + " argmax", e.argmaxShares());
        }
        return Table.create("share of evaluated bars per direction (%)", series, down, neutral, up);
    }

    private static void shareRow(StringColumn s, DoubleColumn d, DoubleColumn n, DoubleColumn u, String name, msb.signal.Shares v) {
        s.append(name);
        d.append(100 * v.down());
        n.append(100 * v.neutral());
        u.append(100 * v.up());
    }

    /** Every verdict of every evaluated artifact on the evaluated rows: {@code model}, {@code verdict}, {@code passed}, {@code detail}. */
    public static Table verdicts(EvaluationReport report) {
        StringColumn model = StringColumn.create("model"), name = StringColumn.create("verdict"), detail = StringColumn.create("detail");
        BooleanColumn passed = BooleanColumn.create("passed");
        for (ArtifactEvaluation e : report.artifacts()) {
            for (Verdict v : e.verdicts()) {
                model.append(e.model());
                name.append(v.name());
                passed.append(v.passed());
                detail.append(v.detail());
            }
        }
        return Table.create("verdicts on the evaluated rows", model, name, passed, detail);
    }

    /** A run's promotion gates: {@code verdict}, {@code passed}, {@code detail}. */
    public static Table gates(Artifact a) {
        StringColumn name = StringColumn.create("verdict"), detail = StringColumn.create("detail");
        BooleanColumn passed = BooleanColumn.create("passed");
        for (Verdict v : a.gates()) {
            name.append(v.name());
            passed.append(v.passed());
            detail.append(v.detail());
        }
        return Table.create(a.model() + " promotion gates", name, passed, detail);
    }

    /** The decision funnel of evaluate's replay: one row per step, BUY and SELL counts (decisions = blocked + held + ordered). */
    public static Table funnel(ArtifactEvaluation e) {
        Funnel f = e.funnel();
        StringColumn step = StringColumn.create("step");
        LongColumn buy = LongColumn.create("BUY"), sell = LongColumn.create("SELL");
        step(step, buy, sell, "model signals", f.modelSignals());
        f.gateBlocked().forEach((k, v) -> step(step, buy, sell, "  refused by the gate: " + k, v));
        step(step, buy, sell, "decisions", f.decisions());
        f.guardBlocked().forEach((k, v) -> step(step, buy, sell, "  blocked: " + k, v));
        step(step, buy, sell, "= blocked", f.blocked());
        step(step, buy, sell, "+ held", f.held());
        step(step, buy, sell, "+ ordered", f.orders());
        return Table.create(e.model() + " decision funnel over " + f.bars() + " bars (" + f.mode() + " mode)", step, buy, sell);
    }

    /** The live runner's funnel with the same definitions, from its status ({@code refused} and {@code blocked} per gate from {@code status.blocked}). */
    public static Table funnel(LiveReplay r) {
        FunnelCounts f = r.status().funnel();
        StringColumn step = StringColumn.create("step");
        LongColumn buy = LongColumn.create("BUY"), sell = LongColumn.create("SELL");
        step(step, buy, sell, "model signals", f.modelSignals());
        step(step, buy, sell, "refused by the gate", f.refusedByGate());
        step(step, buy, sell, "decisions", f.decisions());
        step(step, buy, sell, "= blocked", f.blocked());
        step(step, buy, sell, "+ held", f.held());
        step(step, buy, sell, "+ ordered", f.ordered());
        new java.util.TreeMap<>(r.status().blocked()).forEach((k, v) -> step(step, buy, sell, "by gate or guard: " + k, v));
        return Table.create(r.artifact().model() + " live funnel over " + r.status().barsProcessed() + " bars (" + r.status().mode() + " mode)",
                step, buy, sell);
    }

    private static void step(StringColumn step, LongColumn buy, LongColumn sell, String name, DirectionCounts c) {
        step.append(name);
        buy.append(c.buy());
        sell.append(c.sell());
    }

    /** The replay's closed round trips (evaluate's trade list). */
    public static Table trades(List<Trade> trades) {
        StringColumn side = StringColumn.create("side"), reason = StringColumn.create("exit_reason");
        InstantColumn entry = InstantColumn.create("entry"), exit = InstantColumn.create("exit");
        DoubleColumn size = DoubleColumn.create("size"), entryPrice = DoubleColumn.create("entry_price"),
                exitPrice = DoubleColumn.create("exit_price"), fees = DoubleColumn.create("fees_usd"), funding = DoubleColumn.create("funding_usd"),
                pnl = DoubleColumn.create("pnl_usd");
        LongColumn bars = LongColumn.create("duration_bars");
        for (Trade t : trades) {
            side.append(t.side());
            entry.append(Instant.ofEpochSecond(t.entryTs()));
            exit.append(Instant.ofEpochSecond(t.exitTs()));
            size.append(t.size());
            entryPrice.append(t.entryPrice());
            exitPrice.append(t.exitPrice());
            fees.append(t.feesUsd());
            funding.append(t.fundingUsd());
            pnl.append(t.pnlUsd());
            bars.append(t.durationBars());
            reason.append(t.exitReason());
        }
        return Table.create("round trips", side, entry, exit, size, entryPrice, exitPrice, fees, funding, pnl, bars, reason);
    }

    static Table decisions(LiveReplay r) {
        List<EngineEvent.Decision> ds = r.decisions();
        int n = ds.size();
        Instant[] ts = new Instant[n];
        double[] s = new double[n], signal = new double[n], eq = new double[n];
        int[] dir = new int[n];
        String[] mode = new String[n], action = new String[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            EngineEvent.Decision d = ds.get(i);
            ts[i] = Instant.ofEpochSecond(d.ts());
            s[i] = d.sModel();
            signal[i] = d.signal();
            dir[i] = d.dir();
            mode[i] = d.mode();
            action[i] = d.action();
            eq[i] = d.equityUsd();
            seen[i] = r.artifact().manifest().seenInFitting(d.ts());
        }
        BooleanColumn seenCol = BooleanColumn.create("seen_in_fitting", n);
        for (int i = 0; i < n; i++) seenCol.set(i, seen[i]);
        return Table.create(r.artifact().model() + " decisions", InstantColumn.create("ts", ts), DoubleColumn.create("s_model", s),
                DoubleColumn.create("signal", signal), IntColumn.create("dir", dir), StringColumn.create("mode", mode),
                StringColumn.create("action", action), DoubleColumn.create("equity_usd", eq), seenCol);
    }

    /** Recorded runs as {@code msb runs list} shows them: run id, tf, model, promoted, failed gates, data source. */
    public static Table runs(List<RunRecord> runs) {
        StringColumn id = StringColumn.create("run_id"), tf = StringColumn.create("tf"), model = StringColumn.create("model"),
                failed = StringColumn.create("failed_gates"), source = StringColumn.create("data_source");
        BooleanColumn promoted = BooleanColumn.create("promoted");
        for (RunRecord r : runs) {
            id.append(r.runId());
            tf.append(r.tf());
            model.append(r.model());
            promoted.append(r.promoted());
            failed.append(String.join(", ", r.failedGates()));
            source.append(r.dataSource() == null ? "" : r.dataSource());
        }
        return Table.create("runs", id, tf, model, promoted, failed, source);
    }

    private static void append(DoubleColumn c, Double v) {
        if (v == null) c.appendMissing();
        else c.append(v);
    }

    /**
     * The table as an HTML {@code <table>} (its first {@code maxRows} rows; a last line says how many were left
     * out), numbers to 4 significant decimals, text escaped: for {@code display("text/html", ...)} in a notebook.
     */
    public static String html(Table t, int maxRows) {
        StringBuilder b = new StringBuilder("<table>\n<caption>").append(escape(t.name())).append("</caption>\n<thead><tr>");
        for (String c : t.columnNames()) b.append("<th>").append(escape(c)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, t.rowCount());
        for (int i = 0; i < shown; i++) {
            b.append("<tr>");
            for (Column<?> c : t.columns()) b.append("<td>").append(escape(cell(c, i))).append("</td>");
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (shown < t.rowCount()) b.append("<p>").append(t.rowCount() - shown).append(" more rows of ").append(t.rowCount()).append("</p>\n");
        return b.toString();
    }

    /** {@link #html(Table, int)} with at most 30 rows. */
    public static String html(Table t) { return html(t, 30); }

    private static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) return "";
        if (c instanceof DoubleColumn d) {
            double v = d.getDouble(row);
            return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.4f", v);
        }
        return c.getString(row);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
