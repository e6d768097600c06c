package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msb.signal.TradingMetrics;

/**
 * {@code experiment compare}: the runs side by side, one column per run, plus the deflated Sharpe ratio of
 * each run (its PSR against the expected maximum Sharpe of that many unskilled trials; msb.evaluate's
 * definitions), on the test split and on the pooled walk-forward out-of-sample returns. The trials are the
 * distinct configurations recorded in the workspace for the run's symbol and timeframe (see {@link Trials}),
 * not the runs passed, so a run's deflated Sharpe does not change with the company it is compared in.
 */
public final class Comparison {
    static final List<String> BASELINES = List.of("majority", "always_up", "previous_bar_sign", "buy_and_hold");

    private Comparison() {}

    /** One row per run, in the order given: the figures the table shows. */
    public static List<Map<String, Object>> rows(List<RunRecords.Loaded> runs, Trials trials) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunRecords.Loaded r : runs) {
            JsonNode rec = r.record();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", r.runId());
            m.put("config_sha256", r.config());
            m.put("run_dir", r.dir().toString());
            m.put("name", text(rec, "name"));
            m.put("tf", text(rec.path("spec"), "tf"));
            m.put("model", text(rec.path("spec"), "model"));
            m.put("seed", num(rec.path("spec").path("seed")));
            m.put("data_source", text(rec.path("spec"), "data_source"));
            m.put("dataset_rows", num(rec.path("dataset").path("rows")));
            m.put("train_rows", num(rec.path("artifact").path("train_rows")));
            m.put("promoted", rec.path("artifact").path("promoted").asBoolean(false));
            m.put("failed_gates", strings(rec.path("artifact").path("failed_gates")));
            JsonNode ev = rec.path("evaluation");
            JsonNode met = ev.path("metrics");
            m.put("flagged", ev.path("flagged").asBoolean(false));
            m.put("test_rows", num(met.path("rows")));
            for (String k : List.of("balanced_accuracy", "log_loss", "sharpe_net", "psr")) m.put(k, num(met.path(k)));
            Trials.Deflated dt = trials.deflated(r, false);
            m.put("deflated_sharpe", dt.value());
            m.put("trials", dt.trials());
            m.put("trials_with_returns", dt.withReturns());
            for (String b : BASELINES) {
                JsonNode bn = ev.path("baselines").path(b);
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("balanced_accuracy", num(bn.path("balanced_accuracy")));
                bm.put("log_loss", num(bn.path("log_loss")));
                bm.put("sharpe_net", num(bn.path("sharpe_net")));
                m.put("baseline_" + b, bm);
            }
            m.put("predicted_shares", shares(ev.path("predicted_shares")));
            m.put("label_shares", shares(ev.path("label_shares")));
            m.put("train_ms", num(rec.path("timings_ms").path("train")));
            m.put("total_ms", num(rec.path("timings_ms").path("total")));
            JsonNode wf = rec.path("walk_forward").path("summary");
            if (!wf.isMissingNode()) {
                Map<String, Object> w = new LinkedHashMap<>();
                wf.fieldNames().forEachRemaining(k -> w.put(k, wf.get(k).isNumber() ? wf.get(k).numberValue() : null));
                Trials.Deflated dw = trials.deflated(r, true);
                w.put("deflated_sharpe", dw.value());
                w.put("trials", dw.trials());
                m.put("walk_forward", w);
            } else {
                m.put("walk_forward", null);
            }
            out.add(m);
        }
        return out;
    }

    /** The side-by-side table: one line per figure, one column per run. */
    @SuppressWarnings("unchecked")
    public static String table(List<Map<String, Object>> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(row("run", rows, r -> (String) r.get("run_id")));
        lines.add(row("tf / model", rows, r -> r.get("tf") + " " + r.get("model")));
        lines.add(row("promoted", rows, r -> (Boolean) r.get("promoted") ? "yes"
                : "no: " + String.join(",", (List<String>) r.get("failed_gates"))));
        lines.add(row("flagged (balance)", rows, r -> (Boolean) r.get("flagged") ? "FLAGGED" : "no"));
        lines.add(row("train / test rows", rows, r -> r.get("train_rows") + " / " + r.get("test_rows")));
        lines.add(row("balanced accuracy", rows, r -> f(r.get("balanced_accuracy"))));
        lines.add(row("  best baseline", rows, r -> best(r, "balanced_accuracy", true)));
        lines.add(row("log loss (nats)", rows, r -> f(r.get("log_loss"))));
        lines.add(row("  best baseline", rows, r -> best(r, "log_loss", false)));
        lines.add(row("net Sharpe (ann.)", rows, r -> f(r.get("sharpe_net"))));
        lines.add(row("  best baseline", rows, r -> best(r, "sharpe_net", true)));
        lines.add(row("PSR (SR > 0)", rows, r -> f(r.get("psr"))));
        lines.add(row("deflated Sharpe", rows, r -> f(r.get("deflated_sharpe"))));
        lines.add(row("  trials (distinct configs)", rows, r -> r.get("trials") + " (" + r.get("trials_with_returns") + " with returns)"));
        lines.add(row("predicted d/n/u", rows, r -> shares(r.get("predicted_shares"))));
        lines.add(row("labels d/n/u", rows, r -> shares(r.get("label_shares"))));
        lines.add(row("train time (s)", rows, r -> r.get("train_ms") == null ? "-"
                : String.format(Locale.ROOT, "%.1f", ((Number) r.get("train_ms")).doubleValue() / 1000)));
        if (rows.stream().anyMatch(r -> r.get("walk_forward") != null)) {
            lines.add(row("WF folds", rows, r -> wf(r, "folds", false)));
            lines.add(row("WF bal. acc. mean+-sd", rows, r -> wf(r, "balanced_accuracy_mean", false) + " +- " + wf(r, "balanced_accuracy_std", false)));
            lines.add(row("WF log loss mean+-sd", rows, r -> wf(r, "log_loss_mean", false) + " +- " + wf(r, "log_loss_std", false)));
            lines.add(row("WF Sharpe mean+-sd", rows, r -> wf(r, "sharpe_net_mean", false) + " +- " + wf(r, "sharpe_net_std", false)));
            lines.add(row("WF pooled Sharpe / PSR", rows, r -> wf(r, "sharpe_net_pooled", false) + " / " + wf(r, "psr_pooled", false)));
            lines.add(row("WF deflated Sharpe", rows, r -> wf(r, "deflated_sharpe", false)));
        }
        int[] w = new int[rows.size() + 1];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) w[i] = Math.max(w[i], l[i].length());
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                b.append(i == 0 ? String.format("%-" + w[0] + "s", l[i]) : "  " + String.format("%-" + w[i] + "s", l[i]));
            }
            b.append(System.lineSeparator());
        }
        return b.toString().replaceAll(" +(\\R)", "$1");
    }

    /**
     * The runs as Markdown for docs/RESULTS.md: one row per run (test split, then walk-forward), then the
     * baselines on each run's test rows. Every figure comes from the run records.
     */
    @SuppressWarnings("unchecked")
    public static String markdown(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| run | tf | model | data | test rows | bal. acc. | log loss (nats) | net Sharpe | PSR | deflated Sharpe | predicted D/N/U | labels D/N/U | train s | promoted | flagged |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : rows) {
            b.append("| ").append(r.get("run_id")).append(" | ").append(r.get("tf")).append(" | ").append(r.get("model")).append(" | ").append(fileName(r.get("data_source")))
                    .append(" | ").append(r.get("test_rows")).append(" | ").append(f(r.get("balanced_accuracy")))
                    .append(" | ").append(f(r.get("log_loss"))).append(" | ").append(f(r.get("sharpe_net")))
                    .append(" | ").append(f(r.get("psr"))).append(" | ").append(f(r.get("deflated_sharpe")))
                    .append(" | ").append(shares(r.get("predicted_shares"))).append(" | ").append(shares(r.get("label_shares")))
                    .append(" | ").append(r.get("train_ms") == null ? "-" : String.format(Locale.ROOT, "%.1f", ((Number) r.get("train_ms")).doubleValue() / 1000))
                    .append(" | ").append((Boolean) r.get("promoted") ? "yes" : "no: " + String.join(", ", (List<String>) r.get("failed_gates")))
                    .append(" | ").append((Boolean) r.get("flagged") ? "yes" : "no").append(" |\n");
        }
        b.append("\nBaselines on the same test rows (balanced accuracy / log loss / net Sharpe; buy-and-hold has no classes):\n\n");
        b.append("| run | tf | model | majority | always-UP | previous-bar sign | buy-and-hold Sharpe | model beats every baseline on |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : rows) {
            b.append("| ").append(r.get("run_id")).append(" | ").append(r.get("tf")).append(" | ").append(r.get("model"));
            for (String name : List.of("majority", "always_up", "previous_bar_sign")) {
                Map<String, Object> bl = (Map<String, Object>) r.get("baseline_" + name);
                b.append(" | ").append(f(bl.get("balanced_accuracy"))).append(" / ").append(f(bl.get("log_loss")))
                        .append(" / ").append(f(bl.get("sharpe_net")));
            }
            b.append(" | ").append(f(((Map<String, Object>) r.get("baseline_buy_and_hold")).get("sharpe_net")));
            List<String> beats = new ArrayList<>();
            if (beatsAll(r, "balanced_accuracy", true)) beats.add("balanced accuracy");
            if (beatsAll(r, "log_loss", false)) beats.add("log loss");
            if (beatsAll(r, "sharpe_net", true)) beats.add("net Sharpe");
            b.append(" | ").append(beats.isEmpty() ? "nothing" : String.join(", ", beats)).append(" |\n");
        }
        if (rows.stream().anyMatch(r -> r.get("walk_forward") != null)) {
            b.append("\nWalk-forward (re-fitted per fold, out of sample; mean +- sample sd over folds; pooled = all folds' test bars):\n\n");
            b.append("| run | tf | model | folds | folds passing gates | bal. acc. | log loss (nats) | net Sharpe | pooled net Sharpe | pooled PSR | deflated Sharpe |\n");
            b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Map<String, Object> r : rows) {
                Map<String, Object> w = (Map<String, Object>) r.get("walk_forward");
                if (w == null) continue;
                b.append("| ").append(r.get("run_id")).append(" | ").append(r.get("tf")).append(" | ").append(r.get("model")).append(" | ").append(w.get("folds")).append(" | ").append(w.get("folds_passing_gates"))
                        .append(" | ").append(f(w.get("balanced_accuracy_mean"))).append(" +- ").append(f(w.get("balanced_accuracy_std")))
                        .append(" | ").append(f(w.get("log_loss_mean"))).append(" +- ").append(f(w.get("log_loss_std")))
                        .append(" | ").append(f(w.get("sharpe_net_mean"))).append(" +- ").append(f(w.get("sharpe_net_std")))
                        .append(" | ").append(f(w.get("sharpe_net_pooled"))).append(" | ").append(f(w.get("psr_pooled")))
                        .append(" | ").append(f(w.get("deflated_sharpe"))).append(" |\n");
            }
        }
        return b.toString();
    }

    /** Whether the model did better than every baseline that has this metric. */
    @SuppressWarnings("unchecked")
    static boolean beatsAll(Map<String, Object> r, String metric, boolean higher) {
        if (!(r.get(metric) instanceof Number m)) return false;
        boolean any = false;
        for (String b : BASELINES) {
            Object x = ((Map<String, Object>) r.get("baseline_" + b)).get(metric);
            if (!(x instanceof Number n)) continue;
            any = true;
            if (higher ? m.doubleValue() <= n.doubleValue() : m.doubleValue() >= n.doubleValue()) return false;
        }
        return any;
    }

    /** The data source's name ("bars", "coinbase-btc-usd-1d"), as `runs list` shows it. */
    private static String fileName(Object source) {
        return source == null ? "-" : RunTable.sourceName(source.toString());
    }

    private interface Cell { String of(Map<String, Object> r); }

    private static String[] row(String name, List<Map<String, Object>> rows, Cell c) {
        String[] l = new String[rows.size() + 1];
        l[0] = name;
        for (int i = 0; i < rows.size(); i++) l[i + 1] = c.of(rows.get(i));
        return l;
    }

    /** The best baseline on a metric, with its name. */
    @SuppressWarnings("unchecked")
    private static String best(Map<String, Object> r, String metric, boolean higher) {
        String name = null;
        double v = Double.NaN;
        for (String b : BASELINES) {
            Object x = ((Map<String, Object>) r.get("baseline_" + b)).get(metric);
            if (!(x instanceof Number n)) continue;
            double d = n.doubleValue();
            if (name == null || (higher ? d > v : d < v)) {
                name = b;
                v = d;
            }
        }
        return name == null ? "-" : f(v) + " (" + name + ")";
    }

    @SuppressWarnings("unchecked")
    private static String wf(Map<String, Object> r, String k, boolean unused) {
        Map<String, Object> w = (Map<String, Object>) r.get("walk_forward");
        if (w == null) return "-";
        Object v = w.get(k);
        return v instanceof Integer || v instanceof Long ? v.toString() : f(v);
    }

    @SuppressWarnings("unchecked")
    private static String shares(Object o) {
        if (!(o instanceof Map<?, ?> m) || m.isEmpty()) return "-";
        Map<String, Object> s = (Map<String, Object>) m;
        return pct(s.get("down")) + "/" + pct(s.get("neutral")) + "/" + pct(s.get("up"));
    }

    private static String pct(Object o) {
        return o instanceof Number n ? String.format(Locale.ROOT, "%.0f%%", 100 * n.doubleValue()) : "-";
    }

    static String f(Object o) {
        return o instanceof Number n && Double.isFinite(n.doubleValue()) ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "-";
    }

    private static Map<String, Object> shares(JsonNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("down", "neutral", "up")) if (n.has(k)) m.put(k, num(n.get(k)));
        return m;
    }

    private static String text(JsonNode n, String k) { return n.hasNonNull(k) ? n.get(k).asText() : null; }

    private static Number num(JsonNode n) { return n != null && n.isNumber() ? n.numberValue() : null; }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

}
