package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.DailyWalk;
import msb.data.RawStore;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.model.ModelKind;
import msb.model.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `evaluate` names the data each artifact was trained on and says when its dataset is not the stored one;
 * `--artifact` alone evaluates for the artifact's own symbol.
 */
class EvaluateDataOriginTest {
    @TempDir static Path home;
    static Path btc, eth;

    @BeforeAll
    static void twoSymbols() throws Exception {
        Workspace ws = Workspace.at(home);
        btc = trained(ws, "BTC", 2600, 5);
        eth = trained(ws, "ETH", 2600, 6);
    }

    static Path trained(Workspace ws, String symbol, int bars, long seed) throws Exception {
        RawStore.replace(ws, symbol, "walk-" + seed, DailyWalk.bars(bars, seed), "walk.csv", "none", "csv");
        DatasetBuilder.build(ws, symbol, Timeframe.H24, DatasetBuilder.Options.DEFAULT, new PrintStream(new ByteArrayOutputStream()));
        var data = new TrainingData(DatasetStore.load(ws, symbol, Timeframe.H24),
                Json.mapper().readTree(ws.datasetDir(symbol, Timeframe.H24).resolve("manifest.json").toFile()),
                "dataset " + ws.datasetDir(symbol, Timeframe.H24) + " from source walk-" + seed);
        return msb.model.Training.train(ws, symbol, Timeframe.H24, data,
                msb.model.TrainOptions.defaults().withModel(ModelKind.ALWAYS_UP).withQuiet(true),
                new PrintStream(new ByteArrayOutputStream()),
                java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1_700_000_000L + seed), java.time.ZoneOffset.UTC)).runDir();
    }

    @Test
    void theTableNamesTheSourceAndRangeAndJsonSaysTheDatasetIsCurrent() throws Exception {
        CliRun r = CliRun.run(home, "evaluate", "--tf", "24h", "--symbol", "ETH");
        assertEquals(0, r.code(), r.err());
        String header = r.out().lines().findFirst().orElseThrow();
        assertTrue(header.contains(" data "), header);
        assertTrue(r.out().matches("(?s).*walk-6 \\d{4}-\\d\\d-\\d\\d\\.\\.\\d{4}-\\d\\d-\\d\\d.*"), r.out());
        assertFalse(r.out().contains("not the current dataset"), r.out());
        JsonNode a = Json.mapper().readTree(CliRun.run(home, "evaluate", "--artifact", eth.toString(), "--json").out())
                .get("artifacts").get(0);
        assertEquals("walk-6", a.get("data").get("source").asText());
        assertTrue(a.get("data").get("current_dataset").asBoolean());
    }

    @Test
    void aRebuiltDatasetIsNamedAsNotTheCurrentOne(@TempDir Path other) throws Exception {
        // the same symbol's dataset built again from more bars: another sha256 than the artifact was trained on
        Workspace ws = Workspace.at(other);
        RawStore.replace(ws, "BTC", "walk-5", DailyWalk.bars(2700, 5), "walk.csv", "none", "csv");
        DatasetBuilder.build(ws, "BTC", Timeframe.H24, DatasetBuilder.Options.DEFAULT, new PrintStream(new ByteArrayOutputStream()));
        CliRun r = CliRun.run(other, "evaluate", "--artifact", btc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("walk-5") && r.out().contains(" *"), r.out());
        assertTrue(r.out().contains("(not the current dataset)"), r.out());
        JsonNode a = Json.mapper().readTree(CliRun.run(other, "evaluate", "--artifact", btc.toString(), "--json").out())
                .get("artifacts").get(0);
        assertFalse(a.get("data").get("current_dataset").asBoolean());
    }

    @Test
    void artifactAloneTakesItsOwnSymbolAndMixedSymbolsAreRefused() throws Exception {
        CliRun own = CliRun.run(home, "evaluate", "--artifact", eth.toString(), "--json");
        assertEquals(0, own.code(), own.err());
        CliRun told = CliRun.run(home, "evaluate", "--artifact", eth.toString(), "--symbol", "BTC");
        assertEquals(2, told.code());
        assertTrue(told.err().contains("is a ETH model") && told.err().contains("--symbol ETH"), told.err());
        CliRun mixed = CliRun.run(home, "evaluate", "--artifact", eth.toString(), "--artifact", btc.toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("BTC, ETH") && !mixed.err().contains("Exception"), mixed.err());
    }
}
