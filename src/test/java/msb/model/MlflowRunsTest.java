package msb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.DailyWalk;
import msb.data.RawStore;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training run is also written in MLflow's file-store layout under <home>/mlruns, beside run.json. */
class MlflowRunsTest {
    @Test
    void aTrainedRunIsLaidOutAsMlflowsFileStoreHasIt(@TempDir Path home) throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "walk", DailyWalk.bars(2600, 5), "walk.csv", "none", "csv");
        DatasetBuilder.build(ws, "BTC", Timeframe.H24, DatasetBuilder.Options.DEFAULT, new PrintStream(new ByteArrayOutputStream()));
        var data = new TrainingData(DatasetStore.load(ws, "BTC", Timeframe.H24),
                Json.mapper().readTree(ws.datasetDir("BTC", Timeframe.H24).resolve("manifest.json").toFile()),
                "dataset x from source walk");
        TrainResult t = Training.train(ws, "BTC", Timeframe.H24, data, TrainOptions.defaults().withModel(ModelKind.ALWAYS_UP).withQuiet(true),
                new PrintStream(new ByteArrayOutputStream()), Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
        String runId = t.runDir().getFileName().toString();

        Path root = home.resolve("mlruns");
        assertTrue(Files.isDirectory(root.resolve(".trash")));
        String expId = MlflowRuns.experimentId("BTC 24h");
        assertTrue(expId.chars().allMatch(Character::isDigit), expId);
        List<String> exp = Files.readAllLines(root.resolve(expId).resolve("meta.yaml"));
        assertTrue(exp.contains("name: \"BTC 24h\"") || exp.contains("name: BTC 24h"), exp.toString());
        assertTrue(exp.stream().anyMatch(l -> l.startsWith("experiment_id: ") && l.contains(expId)), exp.toString());
        assertTrue(exp.contains("lifecycle_stage: \"active\"") || exp.contains("lifecycle_stage: active"), exp.toString());

        Path run;
        try (var s = Files.list(root.resolve(expId))) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(run.getFileName().toString().matches("[0-9a-f]{32}"), run.toString());
        String meta = Files.readString(run.resolve("meta.yaml"));
        for (String k : List.of("artifact_uri", "experiment_id", "run_id", "run_uuid", "run_name", "start_time", "end_time",
                "status: 3", "source_type: 4", "lifecycle_stage", "user_id")) {
            assertTrue(meta.contains(k), k + " in " + meta);
        }
        assertTrue(meta.contains(t.runDir().toAbsolutePath().toUri().toString()), "artifacts are msb's run directory: " + meta);
        assertEquals("always-up", Files.readString(run.resolve("params/model")));
        assertEquals("walk", Files.readString(run.resolve("params/data_source")));
        assertEquals(runId, Files.readString(run.resolve("tags/mlflow.runName")));
        assertEquals("false", Files.readString(run.resolve("tags/msb.promoted")));
        try (var s = Files.list(run.resolve("metrics"))) {
            List<Path> metrics = s.toList();
            assertTrue(metrics.size() > 3, metrics.toString());
            for (Path m : metrics) {
                // "<timestamp ms> <value> <step>", one line per logged value
                String[] p = Files.readString(m).trim().split(" ");
                assertEquals(3, p.length, m + ": " + Files.readString(m));
                assertEquals(1_700_000_000_000L, Long.parseLong(p[0]), m.toString());
                Double.parseDouble(p[1]);
                assertEquals("0", p[2]);
            }
        }
        // written again (same run): replaced, not doubled
        MlflowRuns.write(ws, RunRecord.of(t.runDir(), ArtifactStore.verifiedManifest(t.runDir()), true, null),
                ArtifactStore.verifiedManifest(t.runDir()));
        try (var s = Files.list(root.resolve(expId))) {
            assertEquals(1, s.filter(Files::isDirectory).count());
        }
    }
}
