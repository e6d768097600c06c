package msb.evaluate;

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
    void writesMarkdownJsonAndFiveChartsPerArtifact() throws Exception {
        var honest = PlantedPredictorsTest.evaluate(Fixtures.honest(), PlantedPredictorsTest.LIVE, 0);
        var up = PlantedPredictorsTest.evaluate(Fixtures.constant(0.05, 0.15, 0.8), PlantedPredictorsTest.LIVE, 0);
        var report = new EvaluationReport(Evaluator.withDeflatedSharpe(List.of(honest, up)), List.of("5m"));
        String out = System.getProperty("msb.evaluate.chart.dir");
        if (out != null) {
            var g = PlantedPredictorsTest.LIVE.gate();
            var consensus = new msb.trading.StrategyConfig(PlantedPredictorsTest.LIVE.mode(), new msb.decision.GateConfig(
                    g.sMin(), 0.1, g.confMin(), g.alphaMin(), false, false, true, true), PlantedPredictorsTest.LIVE.bandit(),
                    PlantedPredictorsTest.LIVE.exits(), PlantedPredictorsTest.LIVE.sizing(), PlantedPredictorsTest.LIVE.guards(),
                    PlantedPredictorsTest.LIVE.paper(), PlantedPredictorsTest.LIVE.alerts(), null);
            var blocked = PlantedPredictorsTest.evaluate(Fixtures.honest(), consensus, 0.5);
            ReportWriter.write(new EvaluationReport(List.of(honest, up, blocked), List.of()), Path.of(out), "msb evaluate (test fixture)");
        }
        ReportWriter.write(report, dir, "msb evaluate --tf 24h --report x");

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("**FLAGGED**") && md.contains("Not flagged"), md);
        assertTrue(md.contains("the signal never changes sign"), md);
        assertTrue(md.contains("`direction_skill`") && md.contains("`blocked_direction`"), md);
        try (var files = Files.list(dir)) {
            assertEquals(10, files.filter(p -> p.toString().endsWith(".png")).count());
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
        assertEquals(1.0, a.get("predicted_shares").get("up").asDouble());
        assertTrue(a.get("flagged").asBoolean());
        assertTrue(a.get("funnel").get("model_signals").has("sell"));
    }
}
