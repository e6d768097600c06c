package msb.evaluate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import msb.core.AtomicFiles;
import msb.core.Json;
import msb.signal.Metrics;
import msb.signal.Shares;

/**
 * {@code --report DIR}: report.md (verdicts, metrics, baselines, funnel, charts, and the manifests read),
 * report.json (the --json document) and the PNG charts.
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
            Map<String, String> charts = Charts.write(e, dir, prefix);
            section(md, e, charts);
        }
        AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
        Json.write(dir.resolve("report.json"), report);
    }

    private static void section(StringBuilder md, ArtifactEvaluation e, Map<String, String> charts) {
        md.append("## ").append(e.tf()).append(' ').append(e.model()).append(e.promoted() ? " (promoted)" : " (rejected)")
                .append("\n\nArtifact: `").append(e.artifact()).append("`\n\n");
        if (e.metrics().get("evaluated_on") != null) md.append("Evaluated on: ").append(e.metrics().get("evaluated_on")).append("\n\n");
        if (!e.failedGates().isEmpty()) md.append("Failed promotion gates: ").append(String.join(", ", e.failedGates())).append("\n\n");
        md.append(e.flagged() ? "**FLAGGED** by the directional-balance check:\n\n" : "Not flagged by the directional-balance check.\n\n");
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
        e.metrics().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(value(v)).append(" |\n"));
        md.append("\n### Baselines (same rows)\n\n| baseline | balanced_accuracy | log_loss | sharpe_net | model better on |\n|---|---|---|---|---|\n");
        e.baselines().forEach((name, b) -> {
            Map<String, Boolean> beats = e.beatsBaselines().get(name);
            StringBuilder better = new StringBuilder(), worse = new StringBuilder();
            beats.forEach((metric, v) -> { if (v != null) (v ? better : worse).append(metric).append(' '); });
            md.append("| ").append(name).append(" | ").append(value(b.balancedAccuracy())).append(" | ")
                    .append(value(b.logLoss())).append(" | ").append(value(b.sharpeNet())).append(" | ")
                    .append(better.isEmpty() ? "nothing" : better.toString().trim())
                    .append(worse.isEmpty() ? "" : "; worse on " + worse.toString().trim()).append(" |\n");
        });
        md.append("\n").append(verdict(e)).append("\n\n### Decision funnel\n\n```\n")
                .append(EvaluationTable.funnelLine(e.funnel(), 1)).append('\n')
                .append(EvaluationTable.funnelLine(e.funnel(), -1)).append('\n')
                .append(EvaluationTable.funnelContext(e.funnel())).append("\n```\n\n");
        charts.forEach((title, file) -> md.append("![").append(title).append("](").append(file).append(")\n\n"));
        if (e.provenance() != null && !e.provenance().isEmpty()) {
            md.append("<details><summary>Artifact manifest (provenance as read)</summary>\n\n```json\n")
                    .append(Json.pretty(e.provenance())).append("```\n\n</details>\n\n");
        }
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
        md.append("| ").append(name).append(" | ").append(EvaluationTable.pctOrNa(s.down())).append(" | ")
                .append(EvaluationTable.pctOrNa(s.neutral())).append(" | ").append(EvaluationTable.pctOrNa(s.up())).append(" |\n");
    }

    private static String value(Object v) {
        if (v == null) return "n/a";
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.4f", d);
        if (v instanceof Number || v instanceof String) return v.toString();
        return Json.line(v);
    }
}
