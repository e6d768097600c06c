package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.FundingSeries;
import msb.data.RawStore;
import msb.dataset.Dataset;
import msb.dataset.DatasetManifest;
import msb.dataset.DatasetStore;
import msb.features.FeatureSchema;
import msb.features.FeatureSet;
import msb.live.EngineFeatures;
import msb.live.MarketContext;
import msb.model.ArtifactStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed experiments/1h-flow-funding-trend.yaml end to end on the shared Binance 1h klines and funding
 * (logreg): import with taker-buy volume, ETH bars under their own symbol, dataset with order flow, funding,
 * 7d/28d trend and ETH returns, train, evaluate;
 * then run-live replays the artifact with the same features, and the live feature rows equal the dataset's
 * bit for bit.
 */
@Tag("realdata")
class FlowFundingTrendRealDataTest {
    @Test
    void committedSpecRunsAndReplaysWithTheSameFeatures(@TempDir Path root) throws Exception {
        String shared = System.getProperty("msb.shared.data");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared)),
                "shared data absent (msb.shared.data=" + shared + "); run with the real-data profile next to ../shared/data");
        Path bars = Path.of(shared, "hmate9/BTCUSDT_1h.csv").toAbsolutePath();
        Path funding = Path.of(shared, "adee0210/btc_funding_rate.csv").toAbsolutePath();
        Path eth = Path.of(shared, "PixelAlpha-ai/ETHUSDT_1h.csv").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(bars) && Files.isRegularFile(funding) && Files.isRegularFile(eth),
                bars + ", " + funding + " or " + eth + " absent");
        String spec = Files.readString(Path.of("experiments/1h-flow-funding-trend.yaml"))
                .replace("../shared/data/hmate9/BTCUSDT_1h.csv", bars.toString())
                .replace("../shared/data/adee0210/btc_funding_rate.csv", funding.toString())
                .replace("../shared/data/PixelAlpha-ai/ETHUSDT_1h.csv", eth.toString());
        Path file = Files.createDirectories(root.resolve("repo/experiments")).resolve("1h-flow-funding-trend.yaml");
        Files.writeString(file, spec);
        Path home = root.resolve("home");

        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("--home", home.toString(), "experiment", "run", file.toString(), "--quiet", "--json");
        assertTrue(exit == 0 || exit == 3, err.toString());
        JsonNode rec = Json.mapper().readTree(out.toString());
        assertEquals(exit, rec.get("exit_code").asInt());
        assertEquals("logreg", rec.get("spec").get("model").asText());
        assertTrue(rec.get("spec").get("features").get("with_defaults").asBoolean(), rec.get("spec").toString());
        assertEquals(16, rec.get("spec").get("features").get("explicit").size(), "the declared set is in the run record");
        assertEquals(30, rec.get("dataset").get("columns").size(), "14 defaults (no cohorts) + 16 declared");

        Workspace ws = Workspace.at(home);
        DatasetManifest m = DatasetStore.manifest(ws, "BTC", Timeframe.H1);
        for (String c : List.of("mom_1", "funding_rate", "ofi_1", "ofi_24", "funding_z_168", "funding_chg_24", "ret_24",
                "ret_168", "ret_672", "rv_ratio_24_168", "rv_ratio_24_672", "range_pos_168", "range_pos_672", "hour_of_day",
                "day_of_week", "xret_ETH_1", "xret_ETH_24", "xspread_ETH_24")) {
            assertTrue(m.columns().contains(c), c + " in " + m.columns());
        }
        assertEquals(672, m.warmupBars(), "28 days of 1h bars");
        // Binance funding starts 2019-09-10 08:00, 39 bars after the klines' first bar, and outlasts them
        assertTrue(m.barsBeforeInputs() < 100, "at most the bars before the first funding settlement dropped: " + m.barsBeforeInputs());
        assertEquals(0, m.barsAfterInputs(), "funding covers the klines' end");
        assertTrue(m.rows() > 20_000, "rows from ETH's first bar (2020-09) on: " + m.rows());

        Path artifact = Path.of(rec.get("artifact").get("dir").asText());
        var am = ArtifactStore.verifiedManifest(artifact);
        assertEquals(m.columns(), am.columns(), "the artifact carries the feature set");
        assertEquals(m.schemaHash(), am.schemaHash());

        // the live path: the artifact's schema from its columns, fed the stored bars one at a time
        FeatureSchema schema = FeatureSet.ofColumns(am.columns()).schema(true, false);
        assertEquals(am.schemaHash(), schema.schemaHash());
        Dataset ds = DatasetStore.load(ws, "BTC", Timeframe.H1);
        Bars b = DatasetStore.loadBars(ws, "BTC", Timeframe.H1);
        assertTrue(b.hasTakerBuy(), "the dataset's bars keep the taker-buy column");
        FundingSeries f = RawStore.funding(ws, "BTC").orElseThrow();
        assertEquals(List.of("ETH"), schema.crossSymbols());
        Bars ethBars = RawStore.load(ws, "ETH", RawStore.finest(ws, "ETH").orElseThrow().source());
        assertEquals(3_600, ethBars.intervalSec());
        EngineFeatures live = new EngineFeatures(schema, null, java.util.Map.of("ETH", ethBars));
        int row = 0;
        for (int i = 0; i < b.size() && row < ds.rows(); i++) {
            double[] x = live.update(b.get(i), MarketContext.replay(f, b.ts(i)));
            if (b.ts(i) != ds.ts()[row]) continue;
            assertNotNull(x, "row at bar " + i);
            for (int j = 0; j < x.length; j++) {
                assertEquals(Double.doubleToRawLongBits(ds.x()[row][j]), Double.doubleToRawLongBits(x[j]),
                        am.columns().get(j) + " at " + b.ts(i));
            }
            row++;
        }
        assertEquals(ds.rows(), row);

        // and run-live replays it (shadow mode exits 3 when the gates refused the artifact)
        out = new StringWriter();
        err = new StringWriter();
        cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int live3 = cl.execute("--home", home.toString(), "run-live", "--tf", "1h", "--artifact", artifact.toString());
        assertEquals(am.promoted() ? 0 : 3, live3, err.toString());
        // every stored bar of the dataset is replayed: fitted/validated + out-of-sample bars in the summary
        var counts = java.util.regex.Pattern.compile("(?m)^(fitted/validated|out-of-sample) bars\\s+(\\d+)").matcher(out.toString());
        int replayed = 0;
        while (counts.find()) replayed += Integer.parseInt(counts.group(2));
        assertEquals(b.size(), replayed, out.toString());
        assertTrue(!err.toString().contains("Exception"), err.toString());
    }
}
