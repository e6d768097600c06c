package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.model.ModelKind;
import msb.model.TrainResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `msb run-live --tf 5m,1h`: several timeframes in one process, on a synthetic workspace with promoted artifacts. */
class MultiRunLiveTest {
    @TempDir
    static Path home;
    static TrainResult trained;

    @BeforeAll
    static void train() {
        trained = LiveFixture.homeWithPromotedArtifact(home, 5_000, ModelKind.LOGREG);
        LiveFixture.promotedAs(home, trained.runDir(), Timeframe.H1);
    }

    static CliRun msb(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.runArgs(all);
    }

    @Test
    void eachTimeframeRunsAsIfAloneWhenTheJointLimitNeverBindsAndStatusShowsBoth() throws Exception {
        for (String tf : List.of("5m", "1h")) {
            CliRun single = msb("run-live", "--tf", tf, "--state-dir", home.resolve("alone/" + tf).toString());
            assertEquals(0, single.code(), single.err());
        }
        CliRun multi = msb("run-live", "--tf", "5m,1h", "--max-total-exposure-frac", "1000");
        assertEquals(0, multi.code(), multi.err());
        assertTrue(multi.out().contains("== 5m") && multi.out().contains("== 1h"), multi.out());
        Path group = Workspace.at(home).stateRoot().resolve("BTC");
        for (String tf : List.of("5m", "1h")) {
            CliRun alone = msb("status", "--state-dir", home.resolve("alone/" + tf).toString(), "--json");
            CliRun together = msb("status", "--state-dir", group.resolve(tf).toString(), "--json");
            assertEquals(alone.out(), together.out(), tf + ": one process for several timeframes changes nothing unless the limit binds");
            assertEquals(Files.readString(home.resolve("alone/" + tf).resolve("events.jsonl")),
                    Files.readString(group.resolve(tf).resolve("events.jsonl")), tf + " events");
            JsonNode s = Json.mapper().readTree(together.out());
            assertTrue(s.get("orders").get("buy").asLong() > 0, tf + " traded: " + s);
        }
        // without --state-dir, status shows the newest runner's process: both timeframes side by side
        CliRun text = msb("status");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("2 timeframes") && text.out().contains("finished"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("timeframe") && l.contains("5m") && l.contains("1h")), text.out());
        JsonNode g = Json.mapper().readTree(msb("status", "--json").out());
        assertEquals(2, g.get("timeframes").size(), g.toString());
        assertEquals("5m", g.get("timeframes").get(0).get("tf").asText());
        assertEquals("1h", g.get("timeframes").get(1).get("tf").asText());
        assertTrue(g.get("timeframes").get(1).get("status").get("bars_processed").asLong() > 0, g.toString());
        CliRun monitor = msb("monitor", "--once");
        assertEquals(0, monitor.code(), monitor.err());
        assertTrue(monitor.out().contains("=== 5m") && monitor.out().contains("=== 1h") && monitor.out().contains("funnel"), monitor.out());
    }

    @Test
    void aTightJointLimitBlocksOrdersThatWouldTakeTheBooksOverIt() throws Exception {
        Path dir = home.resolve("tight");
        CliRun r = msb("run-live", "--tf", "5m,1h", "--state-dir", dir.toString(), "--max-total-exposure-frac", "0.3");
        assertEquals(0, r.code(), r.err());
        long blocked = 0;
        for (String tf : List.of("5m", "1h")) {
            JsonNode s = Json.mapper().readTree(msb("status", "--state-dir", dir.resolve(tf).toString(), "--json").out());
            JsonNode b = s.get("blocked").get("max_total_exposure_frac");
            if (b != null) blocked += b.get("buy").asLong() + b.get("sell").asLong();
            assertTrue(s.get("orders").get("buy").asLong() > 0, tf + " still trades within the limit: " + s);
        }
        assertTrue(blocked > 0, "the joint limit blocked some orders");
        // the same command again on the same data gives the same books (bars merged by close time)
        Path again = home.resolve("tight-again");
        assertEquals(0, msb("run-live", "--tf", "5m,1h", "--state-dir", again.toString(), "--max-total-exposure-frac", "0.3").code());
        for (String tf : List.of("5m", "1h")) {
            assertEquals(Files.readString(dir.resolve(tf).resolve("events.jsonl")), Files.readString(again.resolve(tf).resolve("events.jsonl")),
                    tf + ": a multi-timeframe replay is reproducible");
        }
    }

    @Test
    void aRefusedTimeframeStopsAloneAndTheProcessExits3NamingIt() throws Exception {
        Path models12h = Workspace.at(home).modelsDir("BTC", Timeframe.H12);
        Files.createDirectories(models12h);
        Files.writeString(models12h.resolve("LATEST.json"), "{\"run_id\":\"gone\",\"manifest_sha256\":\"x\",\"promoted_at\":\"x\"}");
        Path dir = home.resolve("refused");
        CliRun r = msb("run-live", "--tf", "5m,12h", "--state-dir", dir.toString(), "--max-bars", "300");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("12h") && r.err().contains("refused"), r.err());
        JsonNode g = Json.mapper().readTree(msb("status", "--state-dir", dir.toString(), "--json").out());
        assertEquals("stopped", g.get("timeframes").get(0).get("outcome").asText(), g.toString());
        assertEquals(300, g.get("timeframes").get(0).get("status").get("bars_processed").asLong());
        assertEquals("refused", g.get("timeframes").get(1).get("outcome").asText());
        assertTrue(g.get("timeframes").get(1).get("status").isNull());
        assertTrue(g.get("timeframes").get(1).get("detail").asText().contains("gone"), g.toString());

        CliRun twice = msb("run-live", "--tf", "5m,5m");
        assertEquals(2, twice.code(), twice.err());
        CliRun artifact = msb("run-live", "--tf", "5m,1h", "--artifact", trained.runDir().toString());
        assertEquals(2, artifact.code(), artifact.err());
    }

    @Test
    void bothTimeframesLiveAgainstTheStubShareOneVenue() throws Exception {
        long close = 1_699_999_200L; // an hour boundary
        VirtualClock clock = new VirtualClock(close * 1000 + 10_000);
        try (HyperliquidStub stub = new HyperliquidStub(clock)) {
            Path dir = home.resolve("live-multi");
            List<RunLive.Options> perTf = List.of(Timeframe.M5, Timeframe.H1).stream().map(tf -> RunLive.Options.of(tf, "BTC",
                    RunLive.FeedKind.HYPERLIQUID, dir.resolve(tf.label())).withMaxBars(3).withBaseUrl(URI.create(stub.baseUrl())))
                    .toList();
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            List<StatusDoc> docs = MultiRunLive.run(Workspace.at(home), perTf, 1.0, dir, new PrintWriter(out, true),
                    new PrintStream(err, true), clock);
            assertEquals(2, docs.size(), err.toString());
            assertEquals(3, docs.get(0).barsProcessed(), err.toString());
            assertEquals(3, docs.get(1).barsProcessed(), err.toString());
            assertEquals("hyperliquid", docs.get(1).feed());
            assertEquals(0, docs.get(1).lastBarTs() % 3600, "1h bars close on the hour");
            JsonNode g = Json.mapper().readTree(msb("status", "--state-dir", dir.toString(), "--json").out());
            assertEquals("stopped", g.get("timeframes").get(0).get("outcome").asText(), g.toString());
            assertEquals("stopped", g.get("timeframes").get(1).get("outcome").asText(), g.toString());
        }
    }

    @Test
    void theCohortCollectorRunsBesideTheTimeframesAndStoresARowPerBar(@TempDir Path home2) throws Exception {
        var t = LiveFixture.homeWithArtifact(home2, 5_000, ModelKind.LOGREG);
        LiveFixture.promotedAs(home2, t.runDir(), Timeframe.H1);
        long close = 1_699_999_200L; // an hour boundary
        VirtualClock clock = new VirtualClock(close * 1000 + 10_000);
        try (HyperliquidStub stub = new HyperliquidStub(clock)) {
            String pro = "0x" + "d".repeat(40);
            String amateur = "0x" + "e".repeat(40);
            for (int i = 0; i < 40; i++) {
                long ms = close * 1000 + 60_000 + i * 300_000L;
                stub.fills.add(new HyperliquidStub.StubFill(pro, 100 + i, ms, "B", 30_000, 1, "BTC", 0));
                stub.fills.add(new HyperliquidStub.StubFill(amateur, 500 + i, ms, "A", 30_000, 1, "BTC", 0));
            }
            Path file = Files.writeString(home2.resolve("cohorts.txt"), "pros," + pro + "\namateurs," + amateur + "\n");
            Path dir = home2.resolve("state/BTC");
            List<RunLive.Options> perTf = List.of(Timeframe.M5, Timeframe.H1).stream().map(tf -> RunLive.Options.of(tf, "BTC",
                    RunLive.FeedKind.HYPERLIQUID, dir.resolve(tf.label())).withMaxBars(2).withBaseUrl(URI.create(stub.baseUrl())))
                    .toList();
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            List<StatusDoc> docs = MultiRunLive.run(Workspace.at(home2), perTf, 1.0, dir, file, new PrintWriter(out, true),
                    new PrintStream(err, true), clock);
            assertEquals(2, docs.size(), err.toString());
            assertTrue(out.toString().contains("cohort collector"), out.toString());
            var rows = msb.data.RawStore.cohorts(Workspace.at(home2), "BTC").orElseThrow();
            assertTrue(rows.size() >= 2, "a row per 5m bar while the timeframes ran: " + rows.size() + "; " + err);
            for (int i = 1; i < rows.size(); i++) assertEquals(300, rows.ts()[i] - rows.ts()[i - 1], "one row per 5m bar");
            int last = rows.size() - 1;
            assertTrue(rows.sTop()[last] > 0 && rows.sBot()[last] < 0, "pros bought, amateurs sold: " + rows.sTop()[last]);
            assertTrue(stub.fillRequests.get() >= 2 * rows.size(), "both wallets asked every bar");
        }
        CliRun bad = CliRun.runArgs("--home", home2.toString(), "run-live", "--tf", "5m", "--cohorts", home2.resolve("nope.txt").toString(),
                "--feed", "hyperliquid", "--base-url", "http://127.0.0.1:9");
        assertEquals(2, bad.code(), bad.err());
        CliRun replay = CliRun.runArgs("--home", home2.toString(), "run-live", "--tf", "5m", "--cohorts", home2.resolve("cohorts.txt").toString());
        assertEquals(2, replay.code(), replay.err());
        assertTrue(replay.err().contains("--feed hyperliquid"), replay.err());
    }

    @Test
    void severalTimeframesThatCannotStartAreExit2() {
        CliRun r = msb("run-live", "--tf", "5m,1h", "--state-dir", home.resolve("bad").toString(), "--config",
                home.resolve("missing.json").toString());
        assertEquals(2, r.code(), r.err());
    }
}
