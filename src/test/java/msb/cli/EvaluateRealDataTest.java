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
import msb.model.ModelKind;
import msb.model.TrainOptions;
import msb.model.Training;
import msb.model.TrainingData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Coinbase BTC 4h bars -> 24h dataset -> logreg and always-up runs -> `msb evaluate --tf 24h`. */
@Tag("realdata")
class EvaluateRealDataTest {
    @TempDir Path home;

    @Test
    void alwaysUpIsFlaggedOnRealBtcAndTheOtherRunIsReportedBesideIt() throws Exception {
        Workspace ws = CoinbaseWorkspace.with24hDataset(home);
        var data = new TrainingData(DatasetStore.load(ws, "BTC", Timeframe.H24),
                Json.mapper().readTree(ws.datasetDir("BTC", Timeframe.H24).resolve("manifest.json").toFile()), "coinbase");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        long t = 1_760_000_000L;
        for (ModelKind k : new ModelKind[]{ModelKind.LOGREG, ModelKind.ALWAYS_UP}) {
            Training.train(ws, "BTC", Timeframe.H24, data, TrainOptions.defaults().withModel(k).withQuiet(true), quiet,
                    Clock.fixed(Instant.ofEpochSecond(t += 100), ZoneOffset.UTC));
        }
        var r = CliRun.run(home, "evaluate", "--tf", "24h", "--check-directional-balance", "--json");
        assertEquals(3, r.code(), r.err());
        JsonNode arts = Json.mapper().readTree(r.out()).get("artifacts");
        assertEquals(2, arts.size(), r.out());
        JsonNode up = arts.get(0).get("model").asText().equals("always-up") ? arts.get(0) : arts.get(1);
        assertTrue(up.get("flagged").asBoolean());
        assertTrue(up.get("reasons").toString().contains("\"direction_skill\""), up.toString());
        assertTrue(r.err().contains("24h always-up direction_skill: direction AUC 0.500"), r.err());
    }
}
