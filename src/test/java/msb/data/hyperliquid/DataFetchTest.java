package msb.data.hyperliquid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CliRun;
import msb.data.FundingStore;
import msb.data.RawStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code msb data fetch} end to end against the local stub (real clock, one injected 429). */
class DataFetchTest {
    @TempDir
    Path home;

    @Test void fetchPaginatesReportsTheRangeAndMergesIdempotently() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            stub.failNext(429);
            CliRun first = CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "5m", "--days", "30",
                    "--base-url", stub.baseUrl().toString(), "--json");
            assertEquals(0, first.code(), first.err());
            JsonNode doc = Json.mapper().readTree(first.out());
            int rows = doc.get("obtained").get("rows").asInt();
            assertTrue(rows >= 5998 && rows <= 5999, "6000 kept minus the open candle: " + rows);
            assertTrue(!doc.get("complete").asBoolean() && doc.get("note").asText().contains("returned less than asked"),
                    first.out());
            assertTrue(stub.candleAnswers >= 2, "paged past the 5000 cap");
            assertEquals(rows, doc.get("added").asInt());
            Workspace ws = Workspace.at(home);
            Bars stored = RawStore.load(ws, "BTC", "hyperliquid-5m");
            assertEquals(rows, stored.size());
            assertTrue(stored.gaps().isEmpty());
            assertEquals(720, FundingStore.load(ws, "BTC", "hyperliquid").size(), 30 * 24 + " hourly settlements");

            CliRun second = CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "5m", "--days", "30",
                    "--base-url", stub.baseUrl().toString(), "--json");
            assertEquals(0, second.code(), second.err());
            JsonNode doc2 = Json.mapper().readTree(second.out());
            assertEquals(0, doc2.get("replaced").asInt());
            int added = doc2.get("added").asInt();
            assertTrue(added <= 1, "only a candle that closed between the two fetches is new: " + added);
            Bars again = RawStore.load(ws, "BTC", "hyperliquid-5m");
            assertEquals(stored.size() + added, again.size());
            assertArrayEquals(stored.ts(), java.util.Arrays.copyOf(again.ts(), stored.size()), "the first fetch's bars are kept as they were");
            assertArrayEquals(stored.close(), java.util.Arrays.copyOf(again.close(), stored.size()));
        }
    }

    @Test void humanSummarySaysWhatWasAskedAndObtained() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            CliRun r = CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "1h", "--days", "2",
                    "--base-url", stub.baseUrl().toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("asked:") && r.out().contains("obtained:") && r.out().contains("hyperliquid-1h"), r.out());
            assertTrue(!r.out().contains("returned less"), "2 days of 1h candles are all there: " + r.out());
        }
    }

    @Test void badArgumentsExitTwo() {
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "binance", "--tf", "5m", "--days", "1").code());
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "7m", "--days", "1").code());
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "5m", "--days", "0").code());
    }
}
