package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import msb.core.Json;
import msb.data.Bars;
import msb.data.CliRun;
import msb.data.DailyWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `msb experiment run` and `compare` end to end: a spec in repo/experiments/ reading ../shared/bars.csv
 * (synthetic daily bars), imported once, built, trained, evaluated and walked forward; an always-up run is
 * refused by its gate (exit 3) and still recorded.
 */
class ExperimentCommandTest {
    @TempDir static Path root;
    static Path home, specs;

    static CliRun msb(String... args) {
        return CliRun.run(home, args);
    }

    @BeforeAll
    static void files() throws Exception {
        home = root.resolve("home");
        specs = Files.createDirectories(root.resolve("repo/experiments"));
        Files.createDirectories(root.resolve("shared"));
        Bars walk = DailyWalk.bars(1500, 5);
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < walk.size(); i++) { // this CSV stamps each day at its open
            csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.4f,%d%n", walk.ts(i) - 86_400, walk.open()[i],
                    walk.high()[i], walk.low()[i], walk.close()[i], (long) walk.volume()[i]));
        }
        Files.writeString(root.resolve("shared/bars.csv"), csv);
        String common = """
                tf: 24h
                data: {source: ../shared/bars.csv}
                seed: 3
                hyperparameters: {gates: {min_train_rows: 300}}
                walk_forward: {window: rolling, train_bars: 400, refit_every_bars: 150, max_folds: 2}
                """;
        Files.writeString(specs.resolve("lr.yaml"), common + "model: logreg\n");
        Files.writeString(specs.resolve("bad.yaml"), common.replace("seed: 3", "seed: three"));
        Files.writeString(specs.resolve("trend.yaml"), common + "model: logreg\nname: trend\nfeatures: [default, {ret: [5, 20]}]\n");
    }

    @Test
    void runRecordsEverythingAndCompareDeflatesTheSharpe() throws Exception {
        CliRun lr = msb("experiment", "run", specs.resolve("lr.yaml").toString(), "--walk-forward", "--quiet");
        assertTrue(lr.code() == 0 || lr.code() == 3, lr.err());
        String[] lines = lr.out().strip().split("\\R");
        Path dir = Path.of(lines[lines.length - 1]);
        JsonNode rec = Json.mapper().readTree(dir.resolve("record.json").toFile());
        assertEquals(lr.code(), rec.get("exit_code").asInt());
        assertEquals(lr.code() == 3, rec.get("problems").size() > 0);
        assertTrue(rec.get("data").get("imported").asBoolean());
        assertEquals("bars", rec.get("data").get("source_name").asText());
        assertEquals("logreg", rec.get("spec").get("model").asText());
        assertEquals(300, rec.get("spec").get("hyperparameters").get("gates").get("min_train_rows").asInt());
        assertTrue(Files.isDirectory(Path.of(rec.get("artifact").get("dir").asText())));
        assertTrue(rec.get("artifact").get("gates").has("direction_skill"));
        for (String k : List.of("balanced_accuracy", "log_loss", "sharpe_net", "psr")) {
            assertTrue(rec.get("evaluation").get("metrics").has(k), k);
        }
        assertTrue(rec.get("evaluation").get("baselines").has("previous_bar_sign"));
        assertEquals(2, rec.get("walk_forward").get("folds").size());
        assertTrue(rec.get("walk_forward").get("summary").has("log_loss_std"));
        for (String k : List.of("import", "dataset", "train", "evaluate", "walk_forward", "total")) {
            assertTrue(rec.get("timings_ms").has(k), k);
        }
        assertTrue(Files.isRegularFile(dir.resolve("report/report.md")));
        assertTrue(Files.readString(dir.resolve("spec.yaml")).contains("model: logreg"));

        CliRun up = msb("experiment", "run", specs.resolve("lr.yaml").toString(), "--model", "always-up", "--walk-forward", "--quiet");
        assertEquals(3, up.code(), up.err());
        assertTrue(up.err().contains("direction_skill"), up.err());
        String[] upLines = up.out().strip().split("\\R");
        Path upDir = Path.of(upLines[upLines.length - 1]);
        JsonNode upRec = Json.mapper().readTree(upDir.resolve("record.json").toFile());
        assertFalse(upRec.get("artifact").get("promoted").asBoolean());
        assertFalse(upRec.get("data").get("imported").asBoolean(), "the same file is not imported twice");
        assertTrue(Files.isRegularFile(upDir.resolve("report/report.md")), "the report is written on exit 3 too");

        CliRun cmp = msb("experiment", "compare", dir.toString(), upDir.getFileName().toString(), "--json");
        assertEquals(0, cmp.code(), cmp.err());
        JsonNode doc = Json.mapper().readTree(cmp.out());
        assertEquals(2, doc.get("runs").size());
        assertEquals("always-up", doc.get("runs").get(1).get("model").asText());
        assertTrue(doc.get("runs").get(1).get("run_id").asText().endsWith("-always-up"), "the run id names the model");
        assertTrue(doc.get("runs").get(0).get("deflated_sharpe").isNumber(), "two 24h runs: a deflated Sharpe for each");
        assertTrue(doc.get("runs").get(0).get("walk_forward").get("deflated_sharpe").isNumber());
        assertFalse(doc.get("runs").get(1).get("promoted").asBoolean());
        assertNotNull(doc.get("runs").get(0).get("walk_forward").get("balanced_accuracy_mean"));
        CliRun table = msb("experiment", "compare", dir.toString(), upDir.toString());
        assertEquals(0, table.code());
        assertTrue(table.out().contains("deflated Sharpe") && table.out().contains("no: ") && table.out().contains("direction_skill"), table.out());
        CliRun md = msb("experiment", "compare", dir.toString(), upDir.toString(), "--markdown");
        assertEquals(0, md.code());
        assertTrue(md.out().contains("| 24h | always-up | bars.csv | ") && md.out().contains("| 24h | logreg | 2 | "), md.out());
    }

    @Test
    void compareWithABaselinePairsTheWalkForwardBars() throws Exception {
        CliRun lr = msb("experiment", "run", specs.resolve("lr.yaml").toString(), "--walk-forward", "--quiet");
        CliRun trend = msb("experiment", "run", specs.resolve("trend.yaml").toString(), "--walk-forward", "--quiet");
        assertTrue((lr.code() == 0 || lr.code() == 3) && (trend.code() == 0 || trend.code() == 3), lr.err() + trend.err());
        String base = lastLine(lr.out()), cand = lastLine(trend.out());
        CliRun cmp = msb("experiment", "compare", "--baseline", base, cand, base, "--json");
        assertEquals(0, cmp.code(), cmp.err());
        JsonNode doc = Json.mapper().readTree(cmp.out());
        JsonNode t = doc.get("paired").get(0), self = doc.get("paired").get(1);
        // the join counts every out-of-sample bar of each run once: in common or on one side only
        JsonNode baseRec = Json.mapper().readTree(Path.of(base).resolve("record.json").toFile());
        JsonNode candRec = Json.mapper().readTree(Path.of(cand).resolve("record.json").toFile());
        assertTrue(t.get("common_rows").asInt() > 0, t.toString());
        assertEquals(baseRec.get("walk_forward").get("summary").get("oos_rows").asInt(),
                t.get("common_rows").asInt() + t.get("baseline_only_rows").asInt());
        assertEquals(candRec.get("walk_forward").get("summary").get("oos_rows").asInt(),
                t.get("common_rows").asInt() + t.get("run_only_rows").asInt());
        assertTrue(candRec.get("walk_forward").get("summary").has("direction_auc_pooled_lo"));
        JsonNode p = t.get("pooled");
        assertEquals(t.get("common_rows").asInt(), p.get("rows").asInt());
        assertEquals(p.get("auc").get("value").asDouble() - p.get("auc_baseline").get("value").asDouble(),
                p.get("auc_diff").get("value").asDouble(), 1e-12);
        assertTrue(p.get("auc_diff").get("lo").asDouble() <= p.get("auc_diff").get("hi").asDouble());
        assertTrue(t.get("folds").size() >= 1, "per fold of the compared run");
        // a run against itself: every bar in common, no difference, no evidence
        assertEquals(0, self.get("baseline_only_rows").asInt());
        // identical signals give identical AUCs in every draw: the difference is exactly zero
        assertEquals(0, self.get("pooled").get("auc_diff").get("hi").asDouble(), 0.0);
        assertEquals("no_evidence", self.get("pooled").get("outcome").asText());
        CliRun table = msb("experiment", "compare", "--baseline", base, cand);
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("AUC difference") && table.out().contains("trend"), table.out());

        CliRun noWf = msb("experiment", "run", specs.resolve("lr.yaml").toString(), "--quiet");
        CliRun refused = msb("experiment", "compare", "--baseline", base, lastLine(noWf.out()));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("kept no walk-forward out-of-sample rows") && refused.err().contains("--walk-forward"), refused.err());
    }

    static String lastLine(String out) {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void badSpecExitsTwoNamingTheField() {
        CliRun r = msb("experiment", "run", specs.resolve("bad.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml: field 'seed': 'three' is not a whole number"), r.err());
        CliRun none = msb("experiment", "compare", "no-such-run");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("run 'no-such-run'"), none.err());
        CliRun badModel = msb("experiment", "run", specs.resolve("lr.yaml").toString(), "--model", "xgb");
        assertEquals(2, badModel.code());
        assertTrue(badModel.err().contains("--model: unknown model 'xgb'"), badModel.err());
    }
}
