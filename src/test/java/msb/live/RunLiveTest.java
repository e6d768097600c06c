package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CliRun;
import msb.dataset.DatasetStore;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import msb.model.TrainResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `msb run-live` end to end on a small synthetic workspace with a promoted logistic regression. */
class RunLiveTest {
    @TempDir
    static Path home;
    static TrainResult trained;

    static CliRun msb(String... args) {
        return CliRun.runArgs(args);
    }

    @BeforeAll
    static void train() {
        trained = LiveFixture.homeWithPromotedArtifact(home, 5_000, ModelKind.LOGREG);
    }

    @Test
    void replayPlaysTheWholeSeriesAndSplitsFittedFromOutOfSampleBars() throws Exception {
        Path state = home.resolve("state-replay");
        CliRun r = msb("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", state.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fitted/validated bars") && r.out().contains("out-of-sample bars"), r.out());
        CliRun st = msb("status", "--state-dir", state.toString(), "--json");
        assertEquals(0, st.code(), st.err());
        JsonNode s = Json.mapper().readTree(st.out());
        Bars bars = DatasetStore.loadBars(Workspace.at(home), "BTC", Timeframe.M5);
        assertEquals(bars.size(), s.get("bars_processed").asLong(), "the whole series is replayed");
        assertEquals(bars.lastTs(), s.get("last_bar_ts").asLong());
        var manifest = ArtifactStore.verifiedManifest(trained.runDir());
        long fitted = 0;
        for (long ts : bars.ts()) if (manifest.seenInFitting(ts)) fitted++;
        assertEquals(fitted, s.get("in_sample").get("bars").asLong());
        assertEquals(bars.size() - fitted, s.get("out_of_sample").get("bars").asLong());
        assertTrue(fitted > 0 && fitted < bars.size());
        assertEquals(s.get("equity").asDouble() - 10_000,
                s.get("in_sample").get("pnl").asDouble() + s.get("out_of_sample").get("pnl").asDouble(), 1e-6);
        assertEquals("paper", s.get("mode").asText());
        assertTrue(s.get("signals").get("buy").asLong() > 0 && s.get("signals").get("sell").asLong() > 0, st.out());
        assertTrue(s.get("orders").get("buy").asLong() > 0 && s.get("orders").get("sell").asLong() > 0, st.out());
        assertTrue(s.get("round_trips").size() > 0);
        assertTrue(r.out().contains("round trips") && r.out().contains(Long.toString(bars.size())), r.out());
        assertTrue(r.out().contains("next steps") && r.out().contains("msb status --state-dir " + state), r.out());
        JsonNode f = s.get("funnel");
        for (String side : new String[] {"buy", "sell"}) {
            long decisions = f.get("decisions").get(side).asLong();
            assertEquals(s.get("signals").get(side).asLong(), decisions, "status: signals are the funnel's decisions");
            assertEquals(decisions, f.get("blocked").get(side).asLong() + f.get("held").get(side).asLong()
                    + f.get("ordered").get(side).asLong(), "decisions = blocked + held + ordered: " + f);
        }
        assertTrue(r.out().contains("decisions = "), r.out());

        CliRun again = msb("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", state.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("nothing left to replay") && !again.err().contains("replaying"), again.err());
        assertEquals(st.out(), msb("status", "--state-dir", state.toString(), "--json").out(), "a finished replay resumes at its end");
    }

    @Test
    void anArtifactOfAnotherTimeframeIsExit2NamingBoth() {
        Path other = LiveFixture.asTimeframe(trained.runDir(), Timeframe.H24, home.resolve("models/BTC/24h/copied-run"));
        Path state = home.resolve("state-other-tf");
        CliRun r = msb("--home", home.toString(), "run-live", "--tf", "5m", "--artifact", other.toString(), "--state-dir", state.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is a 24h model") && r.err().contains("this runner is 5m") && r.err().contains(other.toString()), r.err());
        assertFalse(Files.exists(state), "nothing is read or written before the artifact is verified");
    }

    @Test
    void anUnpromotedArtifactRunsInShadowModeAndExits3NamingTheGates() throws Exception {
        Path home2 = home.resolve("shadow-home");
        // raw signal: the seed's always-up acts on every bar, so shadow mode has decisions to log
        TrainResult up = LiveFixture.homeWithArtifact(home2, 5_000, ModelKind.ALWAYS_UP, msb.signal.SignalMode.RAW);
        assertFalse(up.promoted());
        Path state = home2.resolve("state-shadow");
        CliRun r = msb("--home", home2.toString(), "run-live", "--tf", "5m", "--artifact", up.runDir().toString(),
                "--state-dir", state.toString());
        assertEquals(3, r.code(), r.err());
        for (String gate : up.failedGates()) assertTrue(r.err().contains(gate), "names gate " + gate + ": " + r.err());
        assertTrue(r.err().contains("shadow"), r.err());
        JsonNode s = Json.mapper().readTree(msb("status", "--state-dir", state.toString(), "--json").out());
        assertEquals("shadow", s.get("mode").asText());
        assertEquals(0, s.get("orders").get("buy").asLong());
        assertEquals(0, s.get("orders").get("sell").asLong());
        assertTrue(s.get("signals").get("buy").asLong() > 0, "decisions are still computed: " + s);
        assertTrue(s.get("blocked").has("shadow"), "the shadow block is counted: " + s.get("blocked"));
        assertTrue(Files.readString(state.resolve("events.jsonl")).contains("\"decision\""));
    }

    @Test
    void hyperliquidFeedThroughTheWholeLoopAgainstALocalStub() throws Exception {
        long close = 1_699_999_800L; // a 5m boundary
        try (HyperliquidStub stub = new HyperliquidStub(new HyperliquidStub.Clock(close * 1000 + 10_000))) {
            Path state = home.resolve("state-hyperliquid");
            var options = RunLive.Options.of(Timeframe.M5, "BTC", RunLive.FeedKind.HYPERLIQUID, state).withMaxBars(3)
                    .withBaseUrl(java.net.URI.create(stub.baseUrl()));
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            StatusDoc s = RunLive.run(Workspace.at(home), options, new java.io.PrintWriter(out, true),
                    new java.io.PrintStream(err, true), stub.clock);
            assertEquals(3, s.barsProcessed(), err.toString());
            assertEquals(close + 3 * 300, s.lastBarTs().longValue());
            assertEquals("hyperliquid", s.feed());
            assertEquals("paper", s.mode());
            assertTrue(err.toString().contains("warmed up on"), err.toString());
            long decisions = Files.readAllLines(state.resolve("events.jsonl")).stream().filter(l -> l.contains("\"decision\"")).count();
            assertEquals(3, decisions, "one decision per live bar, none for the warm-up history");
        }
    }

    @Test
    void fromFileReplaysThatFileResampledToTheTimeframe() throws Exception {
        Path state = home.resolve("state-from");
        CliRun r = msb("--home", home.toString(), "run-live", "--tf", "5m", "--from", home.resolve("input/bars.csv").toString(),
                "--state-dir", state.toString(), "--max-bars", "700");
        assertEquals(0, r.code(), r.err());
        JsonNode s = Json.mapper().readTree(msb("status", "--state-dir", state.toString(), "--json").out());
        assertEquals(700, s.get("bars_processed").asLong(), "--max-bars stops early, keeping the state");
        assertFalse(s.get("finished").asBoolean());
        assertEquals(LiveFixture.FIRST_OPEN_TS + 300 * 700, s.get("last_bar_ts").asLong(), "bars stamped at their close");
        CliRun bad = msb("--home", home.toString(), "run-live", "--tf", "5m", "--from", home.resolve("input/missing.csv").toString(),
                "--state-dir", home.resolve("state-from-missing").toString());
        assertEquals(2, bad.code(), bad.err());
    }

    @Test
    void resumingWithAnotherStrategyConfigIsExit2() throws Exception {
        Path state = home.resolve("state-config");
        CliRun first = msb("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", state.toString(), "--max-bars", "300");
        assertEquals(0, first.code(), first.err());
        Path config = Files.writeString(home.resolve("strategy.json"), "{\"exits\":{\"max_holding_bars\":5}}");
        CliRun second = msb("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", state.toString(),
                "--config", config.toString());
        assertEquals(2, second.code(), second.err());
        assertTrue(second.err().contains("strategy config") && second.err().contains(state.toString()), second.err());
    }

    @Test
    void withRunsButNonePromotedTheNewestIsUsedAndNothingIsTrained() throws Exception {
        Path other = home.resolve("other-home");
        Path runs = Files.createDirectories(other.resolve("models/BTC/5m"));
        Path copy = runs.resolve(trained.runDir().getFileName());
        Files.createDirectories(copy);
        try (var files = Files.list(trained.runDir())) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        var err = new java.io.ByteArrayOutputStream();
        Path chosen = ArtifactChoice.resolve(Workspace.at(other), "BTC", Timeframe.M5, null,
                new StateStore(other.resolve("state")), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                () -> { throw new AssertionError("nothing may be trained"); });
        assertEquals(copy.toAbsolutePath().normalize(), chosen);
        String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(said.contains("1 fitted run exists, none promoted") && said.contains("using the newest, " + copy.getFileName()), said);
        assertFalse(said.contains("training"), said);
        try (var left = Files.list(runs)) {
            assertEquals(1, left.count(), "no run was trained");
        }
    }
}
