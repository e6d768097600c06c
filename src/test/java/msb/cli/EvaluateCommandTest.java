package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.DailyWalk;
import msb.data.RawStore;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.model.ModelKind;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the real command: synthetic 24h bars stored, the dataset built, constant artifacts
 * trained (always-up is rejected by its gate and kept), then `msb evaluate`.
 */
class EvaluateCommandTest {
    @TempDir static Path home;
    static Path alwaysUp, alwaysDown;

    static CliRun msb(String... args) { return msbAt(home, args); }

    static CliRun msbAt(Path homeDir, String... args) {
        return CliRun.run(homeDir, args);
    }

    @BeforeAll
    static void trainedWorkspace() throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "synthetic", DailyWalk.bars(2600, 5), "synthetic", "none", "test");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        DatasetBuilder.build(ws, "BTC", Timeframe.H24, DatasetBuilder.Options.DEFAULT, quiet);
        var data = new TrainingData(DatasetStore.load(ws, "BTC", Timeframe.H24),
                Json.mapper().readTree(ws.datasetDir("BTC", Timeframe.H24).resolve("manifest.json").toFile()), "synthetic");
        alwaysUp = train(ws, data, ModelKind.ALWAYS_UP, 1_700_000_000L).runDir();
        alwaysDown = train(ws, data, ModelKind.ALWAYS_DOWN, 1_700_000_100L).runDir();
    }

    static TrainResult train(Workspace ws, TrainingData data, ModelKind kind, long clockSec) {
        var opts = TrainOptions.defaults().withModel(kind).withQuiet(true);
        return Training.train(ws, "BTC", Timeframe.H24, data, opts, new PrintStream(new ByteArrayOutputStream()),
                Clock.fixed(Instant.ofEpochSecond(clockSec), ZoneOffset.UTC));
    }

    @Test
    void alwaysUpArtifactExitsThreeWithTheReasonInJson() throws Exception {
        CliRun r = msb("evaluate", "--artifact", alwaysUp.toString(), "--check-directional-balance", "--json");
        assertEquals(3, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(1, doc.get("artifacts").size(), "stdout holds the one JSON document: " + r.out());
        JsonNode a = doc.get("artifacts").get(0);
        assertEquals("24h", a.get("tf").asText());
        assertEquals("always-up", a.get("model").asText());
        assertFalse(a.get("promoted").asBoolean());
        assertTrue(a.get("flagged").asBoolean());
        for (String v : new String[]{"direction_skill", "inert", "one_sided", "no_oos_skill"}) {
            assertTrue(a.get("reasons").toString().contains("\"" + v + "\""), v + " in " + a.get("reasons"));
        }
        assertEquals(1.0, a.get("predicted_shares").get("neutral").asDouble(), "centred, the constant signal is 0 on every bar");
        assertEquals(1.0, a.get("argmax_shares").get("up").asDouble());
        assertTrue(a.get("verdicts").size() >= 8, a.get("verdicts").toString());
        assertTrue(a.get("metrics").get("rows").asInt() > 100);
        assertTrue(r.err().contains("verdicts failed"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void tfTakesEveryModelKindAndWritesTheReport() throws Exception {
        Path report = home.resolve("reports/x");
        CliRun r = msb("evaluate", "--tf", "all", "--report", report.toString());
        assertEquals(0, r.code(), r.err()); // without the check, flagged artifacts do not change the exit code
        assertTrue(r.out().contains("always-up") && r.out().contains("always-down"), r.out());
        assertTrue(r.out().contains("FLAGGED"), r.out());
        assertTrue(r.err().contains("no runs for 5m, 1h, 12h"), r.err());
        assertTrue(Files.isRegularFile(report.resolve("report.md")));
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| schema_hash |") && md.contains("manifest.json`"), "the manifest is summarised and named");
        assertFalse(md.contains("```json"), "not pasted");
        long images = md.lines().filter(l -> l.startsWith("![")).count();
        try (var s = Files.list(report)) {
            assertEquals(images, s.filter(p -> p.toString().endsWith(".png")).count(), "every chart is shown");
        }
        assertTrue(images >= 12, "two artifacts, six charts or more each");
    }

    @Test
    void schemaMismatchExitsTwoNamingBothSides(@TempDir Path other) throws Exception {
        // another home whose 24h dataset has a different schema than the artifact was trained on
        Path src = home.resolve("datasets/BTC/24h"), dst = other.resolve("datasets/BTC/24h");
        Files.createDirectories(dst);
        try (var s = Files.list(src)) {
            for (Path f : s.toList()) Files.copy(f, dst.resolve(f.getFileName()));
        }
        Path manifest = dst.resolve("manifest.json");
        String artifactSchema = Json.mapper().readTree(alwaysUp.resolve("manifest.json").toFile()).get("schema_hash").asText();
        Files.writeString(manifest, Files.readString(manifest).replace(artifactSchema, "feedbeef"));
        CliRun r = msbAt(other, "evaluate", "--artifact", alwaysUp.toString(), "--json");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(artifactSchema) && r.err().contains("feedbeef"), r.err());
        assertEquals("", r.out(), "nothing on stdout when the artifact is refused");
    }

    @Test
    void editedManifestIsRefusedBeforeAnyDataIsRead(@TempDir Path other) throws Exception {
        Path copy = other.resolve("run");
        Files.createDirectories(copy);
        try (var s = Files.list(alwaysUp)) {
            for (Path f : s.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"always-up\"", "\"always-down\""));
        CliRun r = msb("evaluate", "--artifact", copy.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void missingArgumentsAndUnknownTimeframeExitTwo() {
        assertEquals(2, msb("evaluate").code());
        CliRun r = msb("evaluate", "--tf", "7m");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("7m"), r.err());
    }
}
