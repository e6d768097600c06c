package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CliRun;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored cohort data through evaluate's replay and run-live's replay (one code path, msb.trading.CohortInputs),
 * and the bandit end to end. Synthetic 5m bars with a cohort file whose mood is always +0.5 and whose S_top and
 * S_bot vary; the dataset is built with the cohorts (cohort features included) and a logistic regression trained.
 */
class CohortReplayTest {
    @TempDir static Path home;
    static TrainResult trained;
    static ArtifactManifest manifest;
    static Bars bars;
    /** An out-of-sample range: after the validation span, ending before the last (unlabelled) bars. */
    static long fromTs, toTs;
    static Path consensusCfg, banditCfg;

    static CliRun msb(String... args) {
        return CliRun.run(home, args);
    }

    @BeforeAll
    static void workspace() throws IOException {
        int n = 3_000;
        Path csv = LiveFixture.syntheticCsv(home.resolve("input/bars.csv"), n, 11);
        assertEquals(0, msb("data", "import", "--in", csv.toString()).code());
        Random rnd = new Random(3);
        StringBuilder c = new StringBuilder("ts,S_top,S_bot,mood\n");
        for (int i = 0; i < n; i++) {
            c.append(LiveFixture.FIRST_OPEN_TS + 300L * (i + 1)).append(',').append(Math.tanh(0.4 * rnd.nextGaussian()))
                    .append(',').append(Math.tanh(0.4 * rnd.nextGaussian())).append(",0.5\n");
        }
        Path cohorts = home.resolve("input/cohorts.csv");
        Files.writeString(cohorts, c.toString());
        CliRun imp = msb("data", "import", "--cohorts", cohorts.toString());
        assertEquals(0, imp.code(), imp.err());
        Workspace ws = Workspace.at(home);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Dataset ds = DatasetBuilder.loadOrBuild(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, quiet);
        assertTrue(ds.columns().contains("S_top"), "the dataset carries the cohort features: " + ds.columns());
        JsonNode dm = Json.read(ws.datasetDir("BTC", Timeframe.M5).resolve(DatasetBuilder.MANIFEST_FILE), JsonNode.class);
        trained = Training.train(ws, "BTC", Timeframe.M5, new TrainingData(ds, dm, "synthetic"),
                TrainOptions.defaults().withModel(ModelKind.LOGREG).withQuiet(true), quiet,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertTrue(trained.promoted(), "fixture artifact must be promoted: " + trained.failedGates());
        manifest = ArtifactStore.verifiedManifest(trained.runDir());
        bars = DatasetStore.loadBars(ws, "BTC", Timeframe.M5);
        fromTs = manifest.splits().get("val").lastTs() + 300;
        toTs = bars.lastTs() - 5 * 300;
        consensusCfg = home.resolve("consensus.json");
        Files.writeString(consensusCfg, "{\"gate\": {\"require_consensus\": true}}");
        banditCfg = home.resolve("bandit.yaml");
        Files.writeString(banditCfg, "mode: bandit\n");
    }

    static JsonNode status(Path state) throws IOException {
        CliRun st = msb("status", "--state-dir", state.toString(), "--json");
        assertEquals(0, st.code(), st.err());
        return Json.mapper().readTree(st.out());
    }

    static int barsBefore(long ts) {
        int k = 0;
        while (k < bars.size() && bars.ts(k) < ts) k++;
        return k;
    }

    /**
     * run-live stopped right before the range, then through its last bar: the status before and after, then the
     * engine's bandit state in the checkpoint before and after.
     */
    static JsonNode[] runLiveOverTheRange(Path state, Path cfg) throws IOException {
        int before = barsBefore(fromTs), through = barsBefore(toTs + 1);
        CliRun a = msb("run-live", "--tf", "5m", "--config", cfg.toString(), "--state-dir", state.toString(),
                "--max-bars", Integer.toString(before));
        assertEquals(0, a.code(), a.err());
        JsonNode s1 = status(state);
        JsonNode bandit1 = engineOf(state).get("bandit");
        CliRun b = msb("run-live", "--tf", "5m", "--config", cfg.toString(), "--state-dir", state.toString(),
                "--max-bars", Integer.toString(through - before));
        assertEquals(0, b.code(), b.err());
        JsonNode s2 = status(state);
        assertEquals(toTs, s2.get("last_bar_ts").asLong());
        assertTrue(b.out().contains("mood") && b.out().contains("cohort data"), b.out());
        return new JsonNode[]{s1, s2, bandit1, engineOf(state).get("bandit")};
    }

    static long blocked(JsonNode status, String gate, String side) {
        return status.get("blocked").path(gate).path(side).asLong(0);
    }

    @Test
    void positiveMoodWithRequiredConsensusBlocksEverySellInEvaluateAndRunLiveAlike() throws IOException {
        CliRun ev = msb("evaluate", "--artifact", trained.runDir().toString(), "--config", consensusCfg.toString(), "--json",
                "--from", Long.toString(fromTs), "--to", Long.toString(toTs));
        assertEquals(0, ev.code(), ev.err());
        JsonNode f = Json.mapper().readTree(ev.out()).get("artifacts").get(0).get("funnel");
        long sells = f.get("model_signals").get("sell").asLong();
        assertTrue(sells > 10, "the model signals SELL on the range: " + f);
        assertEquals(sells, f.get("gate_blocked").get("no_consensus").get("sell").asLong(), "every SELL blocked: " + f);
        assertEquals(0, f.get("decisions").get("sell").asLong(), f.toString());
        assertTrue(f.get("decisions").get("buy").asLong() > 0, "BUYs agree with the mood and pass: " + f);
        assertTrue(f.get("mood").asText().startsWith("cohort data"), f.toString());

        JsonNode[] s = runLiveOverTheRange(home.resolve("state-consensus"), consensusCfg);
        assertEquals(sells, blocked(s[1], "no_consensus", "sell") - blocked(s[0], "no_consensus", "sell"),
                "run-live blocks the same SELLs on the same bars");
        assertEquals(0, blocked(s[1], "no_consensus", "buy"));
        assertTrue(s[1].get("mood").asText().startsWith("cohort data"), s[1].toString());
        CliRun table = msb("evaluate", "--artifact", trained.runDir().toString(), "--config", consensusCfg.toString(),
                "--from", Long.toString(fromTs), "--to", Long.toString(toTs));
        assertTrue(table.out().contains(sells + " refused by the gate (no_consensus " + sells + ")"), table.out());
    }

    @Test
    void banditEligibilityIsTheSameInEvaluateAndRunLiveOnTheSameBars() throws IOException {
        CliRun ev = msb("evaluate", "--artifact", trained.runDir().toString(), "--config", banditCfg.toString(), "--json",
                "--from", Long.toString(fromTs), "--to", Long.toString(toTs));
        assertEquals(0, ev.code(), ev.err());
        JsonNode f = Json.mapper().readTree(ev.out()).get("artifacts").get(0).get("funnel");
        assertEquals("bandit", f.get("mode").asText());
        double evalElig = f.get("bandit_eligibility_frac").asDouble();
        assertTrue(evalElig > 0 && evalElig < 1, f.toString());
        CliRun table = msb("evaluate", "--artifact", trained.runDir().toString(), "--config", banditCfg.toString(),
                "--from", Long.toString(fromTs), "--to", Long.toString(toTs));
        assertTrue(table.out().contains("bandit eligibility"), table.out());

        Path state = home.resolve("state-bandit-range");
        JsonNode[] s = runLiveOverTheRange(state, banditCfg);
        JsonNode b1 = s[2], b2 = s[3];
        // the engine snapshots at both stops: eligible bars / bars over the range
        double liveElig = (double) (b2.get("eligible_bars").asLong() - b1.get("eligible_bars").asLong())
                / (b2.get("bars").asLong() - b1.get("bars").asLong());
        assertEquals(barsBefore(toTs + 1) - barsBefore(fromTs), b2.get("bars").asLong() - b1.get("bars").asLong());
        assertEquals(evalElig, liveElig, 1e-12);
        assertTrue(s[1].get("bandit_eligibility_frac").asDouble() > 0, s[1].toString());
    }

    static JsonNode engineOf(Path state) throws IOException {
        return Json.mapper().readTree(state.resolve(StateStore.STATE_FILE).toFile()).get("engine");
    }

    @Test
    void banditRewardsAreTheNetPnlOfTheArmsPositionsAndStateSurvivesAResume() throws IOException {
        Path whole = home.resolve("state-bandit-whole"), split = home.resolve("state-bandit-split");
        CliRun w = msb("run-live", "--tf", "5m", "--config", banditCfg.toString(), "--state-dir", whole.toString());
        assertEquals(0, w.code(), w.err());
        assertTrue(w.out().contains("bandit eligibility"), w.out());
        for (String max : List.of("1000", "777")) {
            CliRun r = msb("run-live", "--tf", "5m", "--config", banditCfg.toString(), "--state-dir", split.toString(), "--max-bars", max);
            assertEquals(0, r.code(), r.err());
        }
        CliRun rest = msb("run-live", "--tf", "5m", "--config", banditCfg.toString(), "--state-dir", split.toString());
        assertEquals(0, rest.code(), rest.err());
        assertEquals(status(whole), status(split), "a resumed bandit run ends where the uninterrupted one does");
        JsonNode engineWhole = engineOf(whole), engineSplit = engineOf(split);
        assertEquals(engineWhole.get("bandit"), engineSplit.get("bandit"), "the arms' statistics persist across restarts");
        assertEquals(Files.readString(whole.resolve(StateStore.EVENTS_FILE)), Files.readString(split.resolve(StateStore.EVENTS_FILE)));

        int rewards = checkRewards(whole.resolve(StateStore.EVENTS_FILE));
        assertTrue(rewards > 50, "rewards checked: " + rewards);
        long rewardedCount = 0;
        for (String arm : List.of("pros", "amateurs", "model_meta", "model_bma")) {
            rewardedCount += engineWhole.get("bandit").get(arm).get("count").asLong();
        }
        assertEquals(rewards, rewardedCount, "every reward event updated its arm's statistics once");
    }

    /**
     * Recomputes every reward from the bars and the fills: the net PnL over the bar after the arm's decision
     * (price move of the held position, the fill at the open against the close, fees) in bps of the position's
     * notional at that open; rewarded only when the position points the way the arm decided. Returns how many.
     */
    static int checkRewards(Path events) throws IOException {
        List<JsonNode> ev = new ArrayList<>();
        for (String line : Files.readAllLines(events)) ev.add(Json.mapper().readTree(line));
        JsonNode prevDecision = null;
        List<JsonNode> fills = new ArrayList<>();
        JsonNode reward = null;
        int checked = 0;
        for (JsonNode e : ev) {
            String type = e.get("type").asText();
            JsonNode d = e.get("data");
            switch (type) {
                case "fill" -> fills.add(d);
                case "reward" -> reward = d;
                case "decision" -> {
                    if (prevDecision != null) {
                        checked += checkOne(prevDecision, d, fills, reward);
                    }
                    prevDecision = d;
                    fills.clear();
                    reward = null;
                }
                default -> { }
            }
        }
        return checked;
    }

    private static int checkOne(JsonNode prev, JsonNode cur, List<JsonNode> fills, JsonNode reward) {
        long ts = cur.get("ts").asLong();
        int k = java.util.Arrays.binarySearch(bars.ts(), ts);
        int kPrev = java.util.Arrays.binarySearch(bars.ts(), prev.get("ts").asLong());
        assertEquals(kPrev + 1, k, "decisions on consecutive bars");
        double open = bars.open()[k], close = bars.close()[k], prevClose = bars.close()[kPrev];
        double qPrev = prev.get("position_qty").asDouble(), q = cur.get("position_qty").asDouble();
        double pnl = qPrev * (close - prevClose);
        double filled = 0;
        for (JsonNode f : fills) {
            double signed = ("buy".equals(f.get("side").asText()) ? 1 : -1) * f.get("qty").asDouble();
            filled += signed;
            pnl += signed * (close - f.get("price").asDouble()) - f.get("fee_usd").asDouble();
        }
        assertEquals(q, qPrev + filled, 1e-9 * Math.max(1, Math.abs(q)), "fills at " + ts);
        assertEquals(cur.get("equity_usd").asDouble() - prev.get("equity_usd").asDouble(), pnl, 1e-6, "equity change at " + ts);
        boolean expected = !prev.get("arm").isNull() && prev.get("dir").asInt() != 0 && q != 0
                && (int) Math.signum(q) == prev.get("dir").asInt();
        if (!expected) {
            assertEquals(null, reward, "no reward at " + ts + " (arm " + prev.get("arm") + ", dir " + prev.get("dir") + ", qty " + q + ")");
            return 0;
        }
        assertTrue(reward != null, "a reward at " + ts);
        assertEquals(prev.get("arm").asText(), reward.get("arm").asText(), "the arm that decided at the previous bar");
        assertEquals(pnl / (Math.abs(q) * open) * 1e4, reward.get("reward_bps").asDouble(), 1e-6, "reward at " + ts);
        return 1;
    }
}
