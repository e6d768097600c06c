package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import msb.core.Json;
import msb.data.Bars;
import msb.data.CliRun;
import msb.data.DailyWalk;
import msb.model.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run id everywhere: `train` and `experiment run` record under the model directory's name, `runs list`
 * lists and filters them, `experiment compare` takes any of them, and the deflated Sharpe counts distinct
 * configurations recorded in the workspace, whichever runs are passed.
 */
class RunsCommandTest {
    /** Deflated Sharpe ratios from the same inputs are computed the same way; only rounding may differ. */
    private static final double SAME_TOL = 1e-12;

    @TempDir static Path root;
    static Path home, spec;
    static String lrId, upId, trainId;

    static CliRun msb(String... args) { return CliRun.run(home, args); }

    static String lastLine(CliRun r) {
        String[] l = r.out().strip().split("\\R");
        return l[l.length - 1];
    }

    @BeforeAll
    static void runs() throws Exception {
        home = root.resolve("home");
        Path specs = Files.createDirectories(root.resolve("repo/experiments"));
        Files.createDirectories(root.resolve("shared"));
        Bars walk = DailyWalk.bars(1500, 5);
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < walk.size(); i++) {
            csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.4f,%d%n", walk.ts(i) - 86_400, walk.open()[i],
                    walk.high()[i], walk.low()[i], walk.close()[i], (long) walk.volume()[i]));
        }
        Files.writeString(root.resolve("shared/bars.csv"), csv);
        spec = specs.resolve("lr.yaml");
        Files.writeString(spec, "tf: 24h\ndata: {source: ../shared/bars.csv}\nseed: 3\nmodel: logreg\n"
                + "hyperparameters: {gates: {min_train_rows: 300}}\n");
        CliRun lr = msb("experiment", "run", spec.toString(), "--quiet");
        assertTrue(lr.code() == 0 || lr.code() == 3, lr.err());
        lrId = Path.of(lastLine(lr)).getFileName().toString();
        CliRun up = msb("experiment", "run", spec.toString(), "--model", "always-up", "--quiet");
        assertEquals(3, up.code(), up.err());
        upId = Path.of(lastLine(up)).getFileName().toString();
        Path trainSpec = specs.resolve("train.yaml");
        Files.writeString(trainSpec, "tf: 24h\nmodel: logreg\nhyperparameters: {gates: {min_train_rows: 300}}\n");
        CliRun tr = msb("train", "--experiment", trainSpec.toString(), "--seed", "11", "--no-promote", "--quiet");
        assertTrue(tr.code() == 0 || tr.code() == 3, tr.err());
        trainId = Path.of(lastLine(tr)).getFileName().toString();
    }

    @Test
    void oneIdNamesTheModelDirectoryTheRunRecordAndTheExperiment() throws Exception {
        Path runDir = home.resolve("experiments/runs").resolve(lrId);
        RunRecord r = Json.read(runDir.resolve(RunRecord.FILE), RunRecord.class);
        assertEquals(lrId, r.runId());
        assertEquals(lrId, Path.of(r.runDir()).getFileName().toString(), "the model directory has the same name");
        assertTrue(Files.isRegularFile(runDir.resolve("record.json")) && Files.isRegularFile(runDir.resolve("report/report.md")));
        assertEquals(lrId, Json.mapper().readTree(runDir.resolve("record.json").toFile()).get("run_id").asText());
        assertTrue(r.gates().isObject() && r.gates().size() > 0, "gates copied from the manifest");
        assertTrue(r.dataRange().rows() > 0 && r.configSha256().length() == 64);
        assertTrue(Files.isRegularFile(home.resolve("experiments/runs").resolve(trainId).resolve(RunRecord.FILE)));
    }

    @Test
    void listShowsEveryRunAndFilters() throws Exception {
        CliRun all = msb("runs", "list");
        assertEquals(0, all.code(), all.err());
        for (String id : new String[] {lrId, upId, trainId}) assertTrue(all.out().contains(id), all.out());
        assertTrue(all.out().contains("RUN ID") && all.out().contains("bars") && all.out().contains("experiment"), all.out());
        CliRun up = msb("runs", "list", "--model", "always-up", "--json");
        assertEquals(0, up.code(), up.err());
        JsonNode doc = Json.mapper().readTree(up.out());
        assertEquals(1, doc.get("runs").size());
        assertEquals(upId, doc.get("runs").get(0).get("run_id").asText());
        assertFalse(doc.get("runs").get(0).get("promoted").asBoolean());
        assertTrue(doc.get("runs").get(0).get("data_from_ts").isNumber());
        CliRun promoted = msb("runs", "list", "--promoted", "--json");
        for (JsonNode n : Json.mapper().readTree(promoted.out()).get("runs")) assertTrue(n.get("promoted").asBoolean());
        CliRun none = msb("runs", "list", "--tf", "5m");
        assertEquals(0, none.code());
        assertTrue(none.out().contains("match the filters"), none.out());
        CliRun bad = msb("runs", "list", "--tf", "7m");
        assertEquals(2, bad.code(), bad.err());
    }

    @Test
    void compareTakesAnyRunAndTheDeflatedSharpeIgnoresTheCompany() throws Exception {
        JsonNode pair = Json.mapper().readTree(msb("experiment", "compare", lrId, upId, "--json").out());
        CliRun aloneRun = msb("experiment", "compare", lrId, "--json");
        assertEquals(0, aloneRun.code(), aloneRun.err());
        JsonNode alone = Json.mapper().readTree(aloneRun.out());
        JsonNode a = pair.get("runs").get(0), b = alone.get("runs").get(0);
        assertTrue(a.get("deflated_sharpe").isNumber(), a.toString());
        assertEquals(a.get("deflated_sharpe").asDouble(), b.get("deflated_sharpe").asDouble(), SAME_TOL);
        assertEquals(a.get("trials").asInt(), b.get("trials").asInt());

        // the same configuration again is the same trial
        int before = b.get("trials").asInt();
        CliRun again = msb("experiment", "run", spec.toString(), "--quiet");
        String againId = Path.of(lastLine(again)).getFileName().toString();
        assertNotEquals(lrId, againId);
        JsonNode after = Json.mapper().readTree(msb("experiment", "compare", lrId, "--json").out()).get("runs").get(0);
        assertEquals(before, after.get("trials").asInt(), "a repeated configuration is not a new trial");
        assertEquals(b.get("deflated_sharpe").asDouble(), after.get("deflated_sharpe").asDouble(), SAME_TOL);

        // a run that only trained is evaluated now, by its id
        CliRun withTrain = msb("experiment", "compare", lrId, trainId, "--markdown");
        assertEquals(0, withTrain.code(), withTrain.err());
        assertTrue(withTrain.out().startsWith("| run | tf | model |"), withTrain.out());
        assertTrue(withTrain.out().contains("| " + lrId + " | 24h | logreg |") && withTrain.out().contains("| " + trainId + " | 24h | logreg |"),
                withTrain.out());
    }
}
