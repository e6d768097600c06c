package msb.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir Path dir;

    @Test
    void writesMarkdownJsonAndTheChartsOfEachArtifact() throws Exception {
        var honest = PlantedPredictorsTest.evaluate(Fixtures.honest(), PlantedPredictorsTest.LIVE, 0);
        var up = PlantedPredictorsTest.evaluate(Fixtures.constant(0.05, 0.15, 0.8), PlantedPredictorsTest.LIVE, 0);
        var report = new EvaluationReport(Evaluator.withDeflatedSharpe(List.of(honest, up)), List.of("5m"));
        String out = System.getProperty("msb.evaluate.chart.dir");
        if (out != null) {
            var live = PlantedPredictorsTest.LIVE;
            var consensus = live.withGate(live.gate().withRequireConsensus(true));
            var blocked = PlantedPredictorsTest.evaluate(Fixtures.honest(), consensus, 0.5);
            ReportWriter.write(new EvaluationReport(List.of(honest, up, blocked), List.of()), Path.of(out), "msb evaluate (test fixture)");
        }
        ReportWriter.write(report, dir, "msb evaluate --tf 24h --report x");

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("**FLAGGED**") && md.contains("Not flagged"), md);
        assertTrue(md.contains("the signal never changes sign"), md);
        assertTrue(md.contains("`direction_skill`") && md.contains("`blocked_direction`"), md);
        try (var files = Files.list(dir)) {
            long expected = report.artifacts().stream().mapToLong(e -> Charts.rollingIc(e) == null ? 6 : 7).sum();
            assertEquals(expected, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        JsonNode doc = Json.mapper().readTree(dir.resolve("report.json").toFile());
        JsonNode a = doc.get("artifacts").get(1);
        for (String f : List.of("tf", "artifact", "model", "promoted", "flagged", "reasons", "verdicts", "predicted_shares",
                "argmax_shares", "label_shares", "metrics", "baselines", "funnel")) {
            assertTrue(a.has(f), "missing " + f + " in " + a);
        }
        for (String f : List.of("rows", "balanced_accuracy", "log_loss", "brier", "ece", "mcc", "ic", "sharpe_net",
                "psr", "deflated_sharpe")) {
            assertTrue(a.get("metrics").has(f), "missing metrics." + f);
        }
        for (String b : List.of("majority", "always_up", "previous_bar_sign", "buy_and_hold")) {
            assertTrue(a.get("baselines").get(b).has("sharpe_net"), "missing baseline " + b);
        }
        // a constant rule is scored with its calibrated probabilities, the TRAIN prior: majority's log loss
        assertEquals(a.get("baselines").get("majority").get("log_loss").asDouble(),
                a.get("baselines").get("always_up").get("log_loss").asDouble(), 1e-12);
        assertTrue(a.get("baselines").get("always_up").get("log_loss").asDouble() < 2, "not log(1e-15)-sized");
        assertEquals(1.0, a.get("predicted_shares").get("up").asDouble());
        assertTrue(a.get("flagged").asBoolean());
        assertTrue(a.get("funnel").get("model_signals").has("sell"));
    }

    /** Money agrees to well below a cent; compounding monthly returns agrees with the equity curve to rounding. */
    private static final double USD_TOL = 1e-6, RETURN_TOL = 1e-9;

    @Test
    void tradeListMonthlyReturnsAndDrawdownAgreeWithTheEquityCurve() throws Exception {
        var honest = PlantedPredictorsTest.evaluate(Fixtures.honest(), PlantedPredictorsTest.LIVE, 0);
        var s = honest.series();
        EvalRows rows = EvalRows.of(PlantedPredictorsTest.FX.dataset, Evaluator.testRows(PlantedPredictorsTest.FX.dataset));
        ReplayResult replay = EngineReplay.of(Fixtures.TF, PlantedPredictorsTest.LIVE, PlantedPredictorsTest.FX.bars).replay(rows, s.probs());
        List<Trade> trades = replay.trades();
        assertTrue(trades.size() > 3, "the honest predictor trades");
        double start = PlantedPredictorsTest.LIVE.paper().initialEquityUsd();
        int flatBars = 0;
        for (int j = 0; j < s.ts().length; j++) {
            if (replay.positionFrac()[j] != 0) continue;
            long at = s.ts()[j];
            double closed = trades.stream().filter(t -> t.exitTs() < at).mapToDouble(Trade::pnlUsd).sum();
            assertEquals(start * (s.equity()[j] - 1), closed, USD_TOL * start, "flat at " + at + ": equity change = closed trades' net PnL");
            flatBars++;
        }
        assertTrue(flatBars > 0);
        for (Trade t : trades) assertEquals(t.grossPnlUsd() - t.feesUsd() - t.fundingUsd(), t.pnlUsd(), USD_TOL);
        double g = 1;
        for (var year : BacktestSections.monthlyReturns(s.ts(), s.netReturns()).values()) for (double r : year.values()) g *= 1 + r;
        assertEquals(s.equity()[s.ts().length - 1] - 1, g - 1, RETURN_TOL, "months compound to the total return");

        var named = honest.withEvaluatedOn("rows a|b");
        ReportWriter.write(new EvaluationReport(List.of(named), List.of(), java.util.Map.of(named.artifact(), trades)), dir, "msb evaluate x");
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| evaluated_on | rows a\\|b |"), "pipes are escaped in table cells: " + md);
        assertTrue(md.contains("### Returns by month and year") && md.contains("### Trade list") && md.contains("| long |"), md);
        assertTrue(!md.contains("```json"), "no JSON dump of the manifest");
        List<String> csv = Files.readAllLines(dir.resolve("01-24h-planted-trades.csv"));
        assertEquals(trades.size() + 1, csv.size());
        assertTrue(csv.getFirst().startsWith("entry_time,exit_time,entry_ts,exit_ts,side,size"), csv.getFirst());
        assertEquals(s.ts().length + 1, Files.readAllLines(dir.resolve("01-24h-planted-predictions.csv")).size());
        // the Parquet twin holds the same rows: read back, its columns equal the series
        Path pq = dir.resolve("01-24h-planted-predictions.parquet");
        var t = msb.core.ParquetFiles.read(pq.toString(), Files.readAllBytes(pq), null);
        assertEquals(List.of("time", "ts", "p_down", "p_neutral", "p_up", "s_model", "label", "net_return", "equity"), t.names());
        assertArrayEquals(s.ts(), ((msb.core.Table.Longs) t.column("ts")).values());
        assertArrayEquals(s.sModel(), ((msb.core.Table.Doubles) t.column("s_model")).values(), 0.0);
        assertArrayEquals(s.netReturns(), ((msb.core.Table.Doubles) t.column("net_return")).values(), 0.0);
        assertEquals(s.ts()[0] * 1000, ((msb.core.Table.Times) t.column("time")).epochMs()[0]);
        assertTrue(Files.isRegularFile(dir.resolve("01-24h-planted-drawdown.png")));
    }
}
