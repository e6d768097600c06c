package msb.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import msb.signal.DirectionCounts;
import msb.signal.Shares;

/** The readable stdout table of {@code msb evaluate}: one line per artifact, then reasons, baselines, funnels. */
public final class EvaluationTable {
    private EvaluationTable() {}

    /** The model kind, with the symbol for one symbol of a pooled artifact (logreg@ETH). */
    static String name(ArtifactEvaluation e) { return EvaluationReport.pooled(e) ? e.model() + "@" + e.symbol() : e.model(); }

    public static String render(List<ArtifactEvaluation> evals) {
        StringBuilder b = new StringBuilder();
        // the data column is as wide as its longest entry: a table mixing sources must show them whole
        int dataWidth = Math.max(4, evals.stream().mapToInt(e -> dataCell(e).length()).max().orElse(4));
        String head = "%-4s %-14s %-" + dataWidth + "s %-8s %6s  %-17s %-17s %-17s %7s %7s %6s %7s %5s  %s%n";
        b.append(String.format(Locale.ROOT, head, "tf", "model", "data", "status", "rows", "predicted D/N/U",
                "argmax D/N/U", "labels D/N/U", "bal_acc", "logloss", "ic", "sharpe", "psr", "check"));
        for (ArtifactEvaluation e : evals) {
            EvaluationMetrics m = e.metrics();
            b.append(String.format(Locale.ROOT, head, e.tf(), name(e), dataCell(e), e.promoted() ? "promoted" : "rejected",
                    m.rows(), shares(e.predictedShares()), shares(e.argmaxShares()), shares(e.labelShares()),
                    f(m.balancedAccuracy(), 3), f(m.logLoss(), 3), f(m.ic(), 3),
                    f(m.sharpeNet(), 2), f(m.psr(), 2), e.flagged() ? "FLAGGED" : "ok"));
        }
        if (evals.stream().anyMatch(e -> e.data() != null && Boolean.FALSE.equals(e.data().currentDataset()))) {
            b.append("* trained on another build of the dataset than the one stored now (rebuilt since): its test rows"
                    + " are the current dataset's, less those inside its own training range\n");
        }
        for (ArtifactEvaluation e : evals) {
            b.append('\n').append(e.tf()).append(' ').append(name(e)).append("  ").append(e.artifact()).append('\n');
            if (e.data() != null) b.append("  trained on ").append(e.data().label()).append('\n');
            if (e.metrics().evaluatedOn() != null) b.append("  evaluated on ").append(e.metrics().evaluatedOn()).append('\n');
            if (!e.failedGates().isEmpty()) b.append("  failed promotion gates: ").append(String.join(", ", e.failedGates())).append('\n');
            for (var v : e.verdicts()) {
                b.append(v.passed() ? "  ok   " : "  FAIL ").append(v.name()).append(": ").append(v.detail()).append('\n');
            }
            b.append(String.format(Locale.ROOT, "  s_model in [%s, %s], S_MIN %s; trading: return %s, max drawdown %s, "
                            + "%s round trips, win rate %s, exposure %s%n",
                    f(e.metrics().sModelMin(), 3), f(e.metrics().sModelMax(), 3), e.metrics().sMin(), pctOrNa(e.metrics().totalReturn()),
                    pctOrNa(e.metrics().maxDrawdownFrac()), e.metrics().roundTrips(), pctOrNa(e.metrics().winRate()),
                    pctOrNa(e.metrics().exposureFrac())));
            b.append("  funnel ").append(funnelLine(e.funnel(), 1)).append('\n');
            b.append("  funnel ").append(funnelLine(e.funnel(), -1)).append('\n');
            b.append("  funnel ").append(funnelContext(e.funnel())).append('\n');
            b.append("  ").append(baselineLine(e)).append('\n');
            b.append("  ").append(ReportWriter.verdict(e)).append('\n');
        }
        return b.toString().lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /** "source first..last", with a "*" when the artifact's dataset is not the stored one now. */
    static String dataCell(ArtifactEvaluation e) {
        DataOrigin d = e.data();
        if (d == null) return "-";
        return d.source() + (d.from() == null ? "" : " " + d.from() + ".." + d.to())
                + (Boolean.FALSE.equals(d.currentDataset()) ? " *" : "");
    }

    /** The funnel sentence of status, evaluate and the report (msb.trading.FunnelCounts#line), for one side. */
    public static String funnelLine(Funnel f, int dir) {
        StringBuilder g = new StringBuilder();
        f.gateBlocked().forEach((k, v) -> { if (v.of(dir) > 0) g.append(g.isEmpty() ? "" : ", ").append(k).append(' ').append(v.of(dir)); });
        StringBuilder q = new StringBuilder();
        f.guardBlocked().forEach((k, v) -> { if (v.of(dir) > 0) q.append(q.isEmpty() ? "" : ", ").append(k).append(' ').append(v.of(dir)); });
        return msb.trading.FunnelCounts.line(DirectionCounts.sideName(dir), f.modelSignals().of(dir), f.gateBlockedTotal(dir), g.toString(),
                f.decisions().of(dir), f.blocked().of(dir), q.toString(), f.held().of(dir), f.orders().of(dir));
    }

    /** e.g. "mode bandit, 412 bars, bandit eligibility 63.1% of bars; mood: none (no cohort data)". */
    public static String funnelContext(Funnel f) {
        return "mode " + f.mode() + ", " + f.bars() + " bars" + (f.banditEligibilityFrac() == null ? ""
                : String.format(Locale.ROOT, ", bandit eligibility %.1f%% of bars", 100 * f.banditEligibilityFrac()))
                + "; mood: " + f.mood();
    }

    /** One sentence per baseline: the model's and the baseline's score and whether the model is better. */
    public static String baselineLine(ArtifactEvaluation e) {
        StringBuilder b = new StringBuilder("vs baselines:");
        e.baselines().forEach((name, s) -> {
            Map<String, Boolean> beats = e.beatsBaselines().get(name);
            b.append("\n    ").append(String.format(Locale.ROOT, "%-18s", name));
            part(b, "bal_acc", e.metrics().balancedAccuracy(), s.balancedAccuracy(), beats.get("balanced_accuracy"), 3);
            part(b, "logloss", e.metrics().logLoss(), s.logLoss(), beats.get("log_loss"), 3);
            part(b, "sharpe", e.metrics().sharpeNet(), s.sharpeNet(), beats.get("sharpe_net"), 2);
        });
        return b.toString();
    }

    private static void part(StringBuilder b, String name, Object model, Double base, Boolean beats, int digits) {
        if (base == null) return;
        b.append(String.format(Locale.ROOT, "  %s %s vs %s %-12s", name, f(model, digits), f(base, digits),
                beats == null ? "(n/a)" : beats ? "(better)" : "(not better)"));
    }

    static String shares(Shares s) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f%%", s.down() * 100, s.neutral() * 100, s.up() * 100);
    }

    static String f(Object v, int digits) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%." + digits + "f", n.doubleValue()) : "n/a";
    }

    static String pctOrNa(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "n/a";
    }
}
