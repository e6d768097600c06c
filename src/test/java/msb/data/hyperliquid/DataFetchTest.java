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

    private CliRun fetch(StubHyperliquid stub, String tf, String days) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), // a hang guard only
                () -> CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", tf, "--days", days,
                        "--base-url", stub.baseUrl().toString(), "--json"));
    }

    private static void oneLine(CliRun r, String... needles) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("msb: ") && !l.startsWith("msb: fetching")).count(), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
        for (String n : needles) assertTrue(r.err().contains(n), n + " in: " + r.err());
    }

    @Test void aCandleTimeNearLongMaxIsRefusedNotPagedForever() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            stub.mode = StubHyperliquid.Mode.CANDLE_TIME_OVERFLOW;
            oneLine(fetch(stub, "1h", "3"), "after the end of the range asked", "nothing stored");
            assertTrue(CliRun.filesUnder(home).isEmpty(), "nothing stored");
        }
    }

    @Test void outOfOrderCandlesAreSortedNotDropped() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            stub.mode = StubHyperliquid.Mode.OUT_OF_ORDER;
            CliRun r = fetch(stub, "5m", "30");
            assertEquals(0, r.code(), r.err());
            int rows = Json.mapper().readTree(r.out()).get("obtained").get("rows").asInt();
            assertTrue(rows >= 5998 && rows <= 5999, "every kept candle, whatever the order: " + rows);
            Bars stored = RawStore.load(Workspace.at(home), "BTC", "hyperliquid-5m");
            assertEquals(rows, stored.size());
            assertTrue(stored.gaps().isEmpty(), "no candle lost");
        }
    }

    @Test void twoDifferentCandlesForOneTimeAreRefusedNamingBoth() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            stub.mode = StubHyperliquid.Mode.DUPLICATE_DIFFERENT;
            oneLine(fetch(stub, "1h", "3"), "two different BTC candles", "v=12.5", "v=99.0");
            assertTrue(CliRun.filesUnder(home).isEmpty(), "nothing stored");
        }
    }

    @Test void aFundingFailureLeavesNoCandlesBehind() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            stub.mode = StubHyperliquid.Mode.FUNDING_FAILS;
            oneLine(fetch(stub, "1h", "3"), "fundingHistory", "422");
            assertTrue(CliRun.filesUnder(home).isEmpty(), "half a job is no job: " + CliRun.filesUnder(home));
        }
    }

    @Test void anotherCoinsAnswerIsRefused() throws Exception {
        try (StubHyperliquid stub = new StubHyperliquid(System::currentTimeMillis, 6000)) {
            stub.mode = StubHyperliquid.Mode.WRONG_COIN;
            oneLine(fetch(stub, "1h", "3"), "\"ETH\"", "--symbol");
            assertTrue(CliRun.filesUnder(home).isEmpty(), "nothing stored");
        }
    }

    @Test void badArgumentsExitTwo() {
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "1h", "--days", "1",
                "--base-url", "httpx://x").code());
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "binance", "--tf", "5m", "--days", "1").code());
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "7m", "--days", "1").code());
        assertEquals(2, CliRun.run(home, "data", "fetch", "--exchange", "hyperliquid", "--tf", "5m", "--days", "0").code());
    }
}
