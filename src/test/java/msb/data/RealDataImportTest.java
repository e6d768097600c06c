package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Workspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every file of shared/data imports with the rows, range, interval and gaps PROVENANCE.md states. */
@Tag("realdata")
class RealDataImportTest {
    private static Path data;

    @TempDir
    Path home;

    @BeforeAll
    static void findData() {
        String dir = System.getProperty("msb.shared.data");
        data = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(data != null && Files.isDirectory(data),
                "real-data tests skipped: shared data dir " + dir + " is absent");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format, rows, first bar open, last bar open, interval s, gaps, missing bars, largest, sha256 prefix
            "ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json, coinbase-json, 20695, 2016-05-18T04:00:00Z, 2025-10-28T00:00:00Z, 14400, 3, 5, 3, 22d7c5f0918f",
            "ta4j/TradingView-INDEX_BTCUSD-PT1D-20091005_20260306.json, coinbase-json, 5905, 2009-10-05T00:00:00Z, 2026-03-06T00:00:00Z, 86400, 18, 92, 53, 19621e98cb31",
            "ta4j/Binance-ETH-USD-PT5M-20230313_20230315.json, binance-json, 580, 2023-03-13T18:00:00Z, 2023-03-15T18:15:00Z, 300, 0, 0, 0, addc28e94a58",
            "hmate9/BTCUSDT_1h.csv, binance-klines, 33364, 2019-09-08T17:00:00Z, 2023-06-29T20:00:00Z, 3600, 0, 0, 0, d3afcad89cba",
            "cobra0506/BTCUSDT_5m.csv, csv, 25920, 2025-04-03T17:05:00Z, 2025-07-02T17:00:00Z, 300, 0, 0, 0, cd59041c6817",
            "cobra0506/BTCUSDT_1m.csv, csv, 43200, 2025-05-30T16:39:00Z, 2025-06-29T16:38:00Z, 60, 0, 0, 0, 02bdf5a6270c",
            "oniz93/BTCUSDT-5m.csv, binance-klines, 9792, 2022-07-14T00:00:00Z, 2022-08-16T23:55:00Z, 300, 0, 0, 0, 72579b5ce693",
    })
    void importsAsProvenanceSays(String file, String format, int rows, String firstOpen, String lastOpen, long intervalSec,
                                 int gaps, long missing, long largest, String sha) {
        String symbol = file.contains("-ETH-") ? "ETH" : "BTC"; // the Binance file names its market: ETH/USD
        CliRun r = CliRun.run(home, "data", "import", "--in", data.resolve(file).toString(), "--symbol", symbol, "--json");
        assertEquals(0, r.code(), r.err());
        String source = RawStore.sourceNameOf(Path.of(file));
        SourceInfo info = RawStore.source(Workspace.at(home), symbol, source).orElseThrow();
        assertEquals(format, info.format());
        assertEquals(rows, info.rows());
        assertEquals(intervalSec, info.intervalSec());
        assertEquals(firstOpen, info.firstOpen());
        assertEquals(lastOpen, Intervals.iso(info.lastTs() - intervalSec));
        assertEquals(gaps, info.gaps().count());
        assertEquals(missing, info.gaps().missingBars());
        assertEquals(largest, info.gaps().largestMissingBars());
        assertTrue(info.inputSha256().startsWith(sha), info.inputSha256());
        assertEquals(rows, RawStore.load(Workspace.at(home), symbol, source).size());
    }

    @Test void theEthFileIsRefusedUnderBtc() {
        CliRun r = CliRun.run(home, "data", "import", "--in", data.resolve("ta4j/Binance-ETH-USD-PT5M-20230313_20230315.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ETH/USD") && r.err().contains("--symbol"), r.err());
        assertTrue(CliRun.filesUnder(home).isEmpty(), "nothing written");
    }

    @Test void bitmexFundingImportsWithTwoDuplicatesDropped() {
        CliRun r = CliRun.run(home, "data", "import", "--funding", data.resolve("oniz93/BTCUSDT_fundingRates.json").toString());
        assertEquals(0, r.code(), r.err());
        FundingInfo info = FundingStore.sources(Workspace.at(home), "BTC").getFirst();
        assertEquals(1255, info.rows());
        assertEquals(2, info.duplicatesDropped());
        assertEquals("2020-12-31T20:00:00Z", info.first());
        assertEquals("2022-02-22T20:00:00Z", info.last());
        FundingSeries f = RawStore.funding(Workspace.at(home), "BTC").orElseThrow();
        assertEquals(0.000262 / 8, f.ratePerHour()[0], 1e-15);
    }

    /** Binance stamps a third of its settlements 1-47 ms after the hour: snapped, counted, none lost. */
    @Test void binanceFundingExportImportsWithItsJitterSnapped() throws Exception {
        CliRun r = CliRun.run(home, "data", "import", "--funding", data.resolve("adee0210/btc_funding_rate.csv").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode doc = msb.core.Json.mapper().readTree(r.out());
        assertEquals(2725, doc.get("snapped").get("rows").asInt(), "rows whose funding_time has a fraction");
        assertEquals(47, doc.get("snapped").get("max_ms").asLong());
        FundingInfo info = FundingStore.sources(Workspace.at(home), "BTC").getFirst();
        assertEquals(6579, info.rows());
        assertEquals(0, info.duplicatesDropped());
        assertEquals("2019-09-10T08:00:00Z", info.first());
        assertEquals("2025-09-11T00:00:00Z", info.last());
        FundingSeries f = RawStore.funding(Workspace.at(home), "BTC").orElseThrow();
        for (long t : f.ts()) assertEquals(0, t % (8 * 3600), "every settlement on its 8h boundary: " + Intervals.iso(t));
        assertEquals(0.0001 / 8, f.ratePerHour()[0], 1e-15);
    }

    @Test void aCorruptedCopyOfTheCoinbaseFileIsRefusedWithItsLine() throws Exception {
        String text = Files.readString(data.resolve("ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json"));
        int at = text.indexOf("\"high\"", text.length() / 2);
        int recordStart = text.lastIndexOf('{', at);
        int lineNo = (int) text.substring(0, recordStart).chars().filter(c -> c == '\n').count() + 1;
        String corrupted = text.substring(0, at) + "\"high\": \"-1\", \"x\"" + text.substring(at + 6);
        Path copy = CliRun.write(home.resolve("in"), "corrupt.json", corrupted.getBytes(StandardCharsets.UTF_8));
        Path store = home.resolve("store");
        CliRun r = CliRun.run(store, "data", "import", "--in", copy.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("corrupt.json record ") && r.err().contains("(line " + lineNo + ")"), r.err());
        assertTrue(CliRun.filesUnder(store).isEmpty());
    }
}
