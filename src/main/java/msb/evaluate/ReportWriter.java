package msb.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msb.core.AtomicFiles;
import msb.core.Json;
import msb.signal.Metrics;
import msb.signal.Shares;

/**
 * {@code --report DIR}: report.md (verdicts, metrics, baselines, funnel, returns by month and year, round
 * trips, the trade list, charts and a summary of each manifest), report.json (the --json document), the PNG
 * charts, and per artifact a trades CSV and a per-bar predictions CSV.
 */
public final class ReportWriter {
    private ReportWriter() {}

    public static void write(EvaluationReport report, Path dir, String commandLine) {
        StringBuilder md = new StringBuilder("# msb evaluation report\n\n");
        md.append("Command: `").append(commandLine).append("`\n\n");
        md.append("Metrics are on each artifact's test split (rows never used for fitting, calibration or gates). ")
                .append("`predicted` shares count bars with s_model >= +S_MIN (UP) or <= -S_MIN (DOWN), S_MIN being ")
                .append("the timeframe's live threshold; `argmax` shares are the most probable class. Log loss in nats; ")
                .append("ECE over ").append(Metrics.ECE_BINS).append(" equal-width bins of the top-class probability; ")
                .append("Sharpe and Sortino annualised with the timeframe's bars per year, on net strategy returns ")
                .append("of the live decision logic (fills at the next bar's open, fees and slippage).\n\n");
        md.append("## Summary\n\n```\n").append(EvaluationTable.render(report.artifacts())).append("```\n\n");
        if (!report.skippedTfs().isEmpty()) {
            md.append("Timeframes without runs: ").append(String.join(", ", report.skippedTfs())).append("\n\n");
        }
        int i = 0;
        for (ArtifactEvaluation e : report.artifacts()) {
            String prefix = String.format(Locale.ROOT, "%02d-%s-%s", ++i, e.tf(), e.model().replaceAll("[^A-Za-z0-9_-]", "_"));
            List<Trade> trades = report.trades().get(EvaluationReport.tradesKey(e));
            Map<String, String> charts = Charts.write(e, dir, prefix, trades == null ? List.of() : trades);
            section(md, e, charts, trades, prefix, dir);
            FeatureReport.Report features = report.featureReports().get(EvaluationReport.tradesKey(e));
            if (features != null) FeatureReportWriter.section(md, features, dir, prefix);
        }
        AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
        Json.write(dir.resolve("report.json"), report);
    }

    private static void section(StringBuilder md, ArtifactEvaluation e, Map<String, String> charts, List<Trade> trades,
                                String prefix, Path dir) {
        md.append("## ").append(e.tf()).append(' ').append(e.model()).append(EvaluationReport.pooled(e) ? " pooled, on " + e.symbol() : "")
                .append(e.promoted() ? " (promoted)" : " (rejected)")
                .append("\n\nArtifact: `").append(e.artifact()).append("`\n\n");
        md.append(BacktestSections.annualiseCaveat(e));
        if (e.metrics().evaluatedOn() != null) md.append("Evaluated on: ").append(e.metrics().evaluatedOn()).append("\n\n");
        if (!e.failedGates().isEmpty()) md.append("Failed promotion gates: ").append(String.join(", ", e.failedGates())).append("\n\n");
        md.append(e.flagged() ? "**FLAGGED**: failed verdicts on these rows: " + String.join(", ", e.reasons()) + "\n\n"
                : "Not flagged: every verdict passed on these rows.\n\n");
        for (var v : e.verdicts()) {
            md.append("- ").append(v.passed() ? "pass " : "**FAIL** ").append("`").append(v.name()).append("`: ")
                    .append(v.detail().replace("|", "\\|")).append('\n');
        }
        if (e.flagged()) md.append('\n');
        md.append("| shares of test bars | DOWN | NEUTRAL | UP |\n|---|---|---|---|\n");
        row(md, "labels", e.labelShares());
        row(md, "predicted (|s_model| >= S_MIN)", e.predictedShares());
        row(md, "argmax class", e.argmaxShares());
        md.append("\n### Metrics\n\n| metric | value |\n|---|---|\n");
        // the typed metrics, rendered by their JSON names (what --json and report.json carry)
        java.util.Map<String, Object> named = msb.core.Json.mapper().convertValue(e.metrics(),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
        named.forEach((k, v) -> md.append("| ").append(ReportTables.cell(k)).append(" | ").append(ReportTables.value(v)).append(" |\n"));
        md.append("\n### Baselines (same rows)\n\n| baseline | balanced_accuracy | log_loss | sharpe_net | model better on |\n|---|---|---|---|---|\n");
        e.baselines().forEach((name, b) -> {
            Map<String, Boolean> beats = e.beatsBaselines().get(name);
            StringBuilder better = new StringBuilder(), worse = new StringBuilder();
            beats.forEach((metric, v) -> { if (v != null) (v ? better : worse).append(metric).append(' '); });
            md.append("| ").append(ReportTables.cell(name)).append(" | ").append(ReportTables.value(b.balancedAccuracy())).append(" | ")
                    .append(ReportTables.value(b.logLoss())).append(" | ").append(ReportTables.value(b.sharpeNet())).append(" | ")
                    .append(better.isEmpty() ? "nothing" : better.toString().trim())
                    .append(worse.isEmpty() ? "" : "; worse on " + worse.toString().trim()).append(" |\n");
        });
        md.append("\n").append(verdict(e)).append("\n\n### Decision funnel\n\n```\n")
                .append(EvaluationTable.funnelLine(e.funnel(), 1)).append('\n')
                .append(EvaluationTable.funnelLine(e.funnel(), -1)).append('\n')
                .append(EvaluationTable.funnelContext(e.funnel())).append("\n```\n\n");
        featureDrift(md, e);
        BacktestSections.periodReturns(md, e);
        if (trades != null) {
            String csv = prefix + "-trades.csv";
            BacktestSections.writeTradesCsv(dir.resolve(csv), trades);
            BacktestSections.tradeSummary(md, trades);
            BacktestSections.tradeList(md, trades, csv);
        }
        String predictions = prefix + "-predictions.csv";
        BacktestSections.writePredictionsCsv(dir.resolve(predictions), e);
        String parquet = prefix + "-predictions.parquet";
        BacktestSections.writePredictionsParquet(dir.resolve(parquet), e);
        md.append("Per-bar probabilities, s_model, label, net return and equity: [").append(predictions).append("](")
                .append(predictions).append(") (and as Parquet: [").append(parquet).append("](").append(parquet).append(")).\n\n");
        charts.forEach((title, file) -> md.append("![").append(title).append("](").append(file).append(")\n\n"));
        if (e.provenance() != null && !e.provenance().isEmpty()) manifestSummary(md, e);
    }

    /** PSI per feature of the evaluated rows against TRAIN, largest first (what `run-live` alerts on). */
    private static void featureDrift(StringBuilder md, ArtifactEvaluation e) {
        if (e.featurePsi() == null) {
            md.append("### Feature drift\n\nThe artifact keeps no TRAIN distribution (trained before manifest format 3).\n\n");
            return;
        }
        md.append("### Feature drift (PSI of the evaluated rows against TRAIN)\n\n")
                .append(String.format(java.util.Locale.ROOT, "Below 0.1 no shift, 0.1 to 0.2 moderate, %.1f and above significant"
                        + " (run-live's default --drift-alert-psi).\n\n", msb.features.Psi.SIGNIFICANT_SHIFT_PSI))
                .append("| feature | psi |\n|---|---|\n");
        e.featurePsi().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(x -> md.append("| ").append(ReportTables.cell(x.getKey())).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%.4f", x.getValue())).append(" |\n"));
        md.append('\n');
    }

    /** The manifest's key facts; the full manifest stays in the artifact directory. */
    private static void manifestSummary(StringBuilder md, ArtifactEvaluation e) {
        Map<String, Object> p = e.provenance();
        md.append("### Artifact\n\n| field | value |\n|---|---|\n");
        for (String k : List.of("run_id", "created_at", "model", "data_source", "train_rows", "val_rows", "seed", "calibration_method",
                "imbalance", "schema_hash", "dataset_sha256")) {
            if (p.get(k) != null) md.append("| ").append(k).append(" | ").append(ReportTables.value(p.get(k))).append(" |\n");
        }
        if (p.get("dataset_range") instanceof Map<?, ?> r && r.get("first_ts") instanceof Number a && r.get("last_ts") instanceof Number b) {
            md.append("| dataset range (UTC) | ").append(BacktestSections.iso(a.longValue())).append(" .. ")
                    .append(BacktestSections.iso(b.longValue())).append(" (").append(r.get("rows")).append(" rows) |\n");
        }
        if (p.get("label") instanceof Map<?, ?> l && l.get("definition") != null) {
            md.append("| label | ").append(ReportTables.cell(l.get("definition"))).append(" |\n");
        }
        if (p.get("columns") instanceof List<?> c) md.append("| features | ").append(c.size()).append(": ").append(ReportTables.cell(String.join(", ",
                c.stream().map(Object::toString).toList()))).append(" |\n");
        md.append("\nThe full manifest (hyperparameters, gates, versions, file hashes): `")
                .append(Path.of(e.artifact()).resolve("manifest.json")).append("`.\n\n");
    }

    /** One plain sentence: does the model beat every baseline on each metric? */
    static String verdict(ArtifactEvaluation e) {
        StringBuilder s = new StringBuilder();
        for (String metric : new String[]{"balanced_accuracy", "log_loss", "sharpe_net"}) {
            long compared = e.beatsBaselines().values().stream().filter(m -> m.get(metric) != null).count();
            long beaten = e.beatsBaselines().values().stream().filter(m -> Boolean.TRUE.equals(m.get(metric))).count();
            if (compared == 0) continue;
            s.append(beaten == compared ? "Beats every baseline" : beaten == 0 ? "Beats no baseline"
                    : "Beats " + beaten + " of " + compared + " baselines").append(" on ").append(metric).append(". ");
        }
        return s.toString().trim();
    }

    private static void row(StringBuilder md, String name, Shares s) {
        md.append("| ").append(ReportTables.cell(name)).append(" | ").append(EvaluationTable.pctOrNa(s.down())).append(" | ")
                .append(EvaluationTable.pctOrNa(s.neutral())).append(" | ").append(EvaluationTable.pctOrNa(s.up())).append(" |\n");
    }
}
