package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.dataset.DatasetStore;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Coinbase BTC 4h bars -> 24h logreg -> `msb evaluate --from/--to` on stored bars after its validation span. */
@Tag("realdata")
class EvaluateRangeRealDataTest {
    @TempDir Path home;

    @Test
    void aRangeAfterValidationIsScoredAndOneOverlappingItIsRefused() throws Exception {
        Workspace ws = CoinbaseWorkspace.with24hDataset(home);
        var data = new TrainingData(DatasetStore.load(ws, "BTC", Timeframe.H24),
                Json.mapper().readTree(ws.datasetDir("BTC", Timeframe.H24).resolve("manifest.json").toFile()),
                "dataset " + ws.datasetDir("BTC", Timeframe.H24) + " from source Coinbase-BTC-USD-PT4H-20160518_20251028");
        TrainResult t = Training.train(ws, "BTC", Timeframe.H24, data, TrainOptions.defaults().withModel(ModelKind.LOGREG)
                .withQuiet(true), new PrintStream(new ByteArrayOutputStream()),
                Clock.fixed(Instant.ofEpochSecond(1_760_000_000L), ZoneOffset.UTC));
        var m = ArtifactStore.verifiedManifest(t.runDir());
        long valLast = m.splits().get("val").lastTs();

        var r = CliRun.run(home, "evaluate", "--artifact", t.runDir().toString(), "--from", "2025-01-01", "--to", "2025-06-30", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = Json.mapper().readTree(r.out()).get("artifacts").get(0);
        assertEquals(181, a.get("metrics").get("rows").asInt(), "24h bars closing 2025-01-01 .. 2025-06-30T23:59:59Z");
        assertTrue(a.get("metrics").get("evaluated_on").asText().contains("2025-01-01T00:00:00Z .. 2025-06-30T00:00:00Z"), a.toString());

        var refused = CliRun.run(home, "evaluate", "--artifact", t.runDir().toString(), "--from", Long.toString(valLast));
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("--from " + (valLast + 86_400)), refused.err());
    }
}
